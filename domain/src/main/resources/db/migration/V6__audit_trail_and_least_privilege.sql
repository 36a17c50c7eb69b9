-- The audit trail: every read, change, export and failed access of case data. Append-only: a trigger refuses
-- UPDATE, DELETE and TRUNCATE for everyone, and the application's role is granted only SELECT and INSERT.
-- Audit rows name records by type and id and people by user name, never by name, address or note.

create table audit_event (
    id                bigint generated always as identity primary key,
    occurred_at       timestamptz  not null default now(),
    username          varchar(100) not null,
    roles             varchar(200) not null,
    organisation_code varchar(20),
    action            varchar(20)  not null check (action in ('READ', 'CREATE', 'CHANGE', 'EXPORT', 'FAILED_ACCESS', 'BREAK_GLASS')),
    record_type       varchar(40)  not null,
    record_id         bigint,
    case_file_id      bigint,
    detail            varchar(60),
    client_address    varchar(64)
);
create index audit_event_case_file on audit_event (case_file_id, occurred_at) where case_file_id is not null;
create index audit_event_user on audit_event (username, occurred_at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

-- Least privilege: the application connects as ${appRole}, which may read and write case data but only append
-- to the audit trail, and can neither change the schema nor the migration history. Where a deployment runs
-- everything as one role (appRole = the owner), these grants change nothing and the triggers still hold.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') and current_user <> '${appRole}' then
        execute format('grant usage on schema %I to %I', current_schema(), '${appRole}');
        execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), '${appRole}');
        execute format('revoke update, delete, truncate on audit_event from %I', '${appRole}');
        execute format('revoke insert, update, delete, truncate on %I from %I', '${flyway:table}', '${appRole}');
        execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), '${appRole}');
        execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I', current_schema(), '${appRole}');
        execute format('alter default privileges in schema %I grant usage, select on sequences to %I', current_schema(), '${appRole}');
    end if;
end;
$$;
