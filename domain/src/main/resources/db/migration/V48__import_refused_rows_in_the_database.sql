-- The rows an import of the valid rows only refused, as the CSV the worker downloads to fix them, in parts of about a
-- megabyte: kept in the database rather than on the disk of the node that ran the import, so that any node serves the
-- download (the API has no sticky session) and a node's restart loses nothing. Forgotten a day after the import ended
-- ('forget-refused-rows'), like the files before.
create table legacy_import_refused (
    import_id bigint  not null references legacy_import (id),
    part      integer not null check (part >= 0),
    content   text    not null,
    primary key (import_id, part)
);

insert into scheduled_job (name) values ('forget-refused-rows');
