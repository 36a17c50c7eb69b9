-- Least privilege, table by table. V6 gave the application's role select, insert, update and delete on every table,
-- then and in future (default privileges), and later migrations took back what a table must not allow. From here on
-- nothing is granted by default: the role gets exactly what its code does with each table, as listed in
-- R__application_grants.sql (append-only and recorded-once tables select and insert only); SchemaGrantsIT reads it back.
do $$
declare
    app   text := '${appRole}';
begin
    if not exists (select 1 from pg_roles where rolname = app) or current_user = app then
        return; -- one role does everything: nothing to grant, the triggers still hold
    end if;
    execute format('alter default privileges in schema %I revoke all on tables from %I', current_schema(), app);
    execute format('alter default privileges in schema %I revoke all on sequences from %I', current_schema(), app);
end;
$$;
-- The grants themselves, table by table, are the one list in R__application_grants.sql, which Flyway runs after the
-- versioned migrations whenever it changes.
