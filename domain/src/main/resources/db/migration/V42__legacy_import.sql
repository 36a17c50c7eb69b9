-- Bulk import of legacy spreadsheets. Each import is one row (who, when, how many rows went which way, a fingerprint
-- of the file so that the same file can be recognised again — never its name, which may name a woman), and each case
-- it created keeps its row key from the old records: unique per organisation, so that importing a file twice creates
-- nothing the second time.
create table legacy_import (
    id                bigint generated always as identity primary key,
    organisation_code varchar(20)  not null references organisation (code),
    imported_by       varchar(100) not null,
    imported_at       timestamptz  not null,
    format            varchar(4)   not null check (format in ('CSV', 'XLSX')),
    content_sha256    char(64)     not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
    rows_read         integer      not null check (rows_read >= 0),
    rows_imported     integer      not null check (rows_imported >= 0),
    rows_refused      integer      not null check (rows_refused >= 0),
    rows_known        integer      not null check (rows_known >= 0),
    persons_linked    integer      not null check (persons_linked >= 0)
);

create index legacy_import_by_organisation on legacy_import (organisation_code, imported_at desc);

create table legacy_case (
    id                bigint generated always as identity primary key,
    organisation_code varchar(20)  not null references organisation (code),
    legacy_id         varchar(100) not null check (legacy_id <> ''),
    case_file_id      bigint       not null unique references case_file (id),
    import_id         bigint       not null references legacy_import (id),
    constraint legacy_case_key unique (organisation_code, legacy_id)
);
