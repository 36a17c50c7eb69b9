-- The application's privileges, table by table: the one list, kept whole. Flyway runs this file after the versioned
-- migrations whenever it changes, so a table a later migration adds is granted here, by a line added below (V23 took
-- away the default privileges that used to grant every new table everything). Every run starts from nothing for the
-- application's role and grants exactly this; SchemaGrantsIT reads it back.
do $$
declare
    app   text := '${appRole}';
    entry record;
begin
    if not exists (select 1 from pg_roles where rolname = app) or current_user = app then
        return; -- one role does everything: nothing to grant, the triggers still hold
    end if;
    execute format('alter default privileges in schema %I revoke all on tables from %I', current_schema(), app);
    execute format('alter default privileges in schema %I revoke all on sequences from %I', current_schema(), app);
    execute format('revoke all on all tables in schema %I from %I', current_schema(), app);
    execute format('revoke all on all sequences in schema %I from %I', current_schema(), app);
    execute format('grant usage on schema %I to %I', current_schema(), app);

    for entry in select * from (values
            -- reference data: regions are fixed; the admin adds, renames and deactivates the rest, never deletes
            ('region', 'select'),
            ('organisation', 'select, insert, update (name, active, version)'),
            ('legal_article', 'select, insert, update (title_ru, title_kk, title_en, active, version)'),
            ('staff_member', 'select, insert, update'),
            -- the case file and what changes in it
            ('case_number_counter', 'select, insert, update'),
            ('person', 'select, insert, update'),
            ('person_secret', 'select, insert, update'),
            ('case_file', 'select, insert, update'),
            ('consent', 'select, insert, update'),
            ('safety_plan', 'select, insert, update'),
            ('protective_order', 'select, insert, update'),
            ('court_mandate', 'select, insert, update'),
            ('psychocorrection_course', 'select, insert, update'),
            ('service_referral', 'select, insert, update'),
            ('trafficking_identification', 'select, insert, update'),
            -- a revised identification replaces its lists
            ('trafficking_exploitation', 'select, insert, delete'),
            ('trafficking_means_of_control', 'select, insert, delete'),
            -- recorded once, never changed
            ('incident', 'select, insert'),
            ('risk_assessment', 'select, insert'),
            ('case_party', 'select, insert'),
            ('court_submission', 'select, insert'),
            ('protective_order_prohibition', 'select, insert'),
            ('protective_order_violation', 'select, insert'),
            ('court_mandate_requirement', 'select, insert'),
            ('psychocorrection_session', 'select, insert'),
            ('service_delivery', 'select, insert'),
            -- append-only, guarded by triggers as well
            ('audit_event', 'select, insert'),
            ('case_event', 'select, insert'),
            ('case_note', 'select, insert'),
            ('break_glass', 'select, insert'),
            ('break_glass_review', 'select, insert'),
            -- statistics: read only; security-definer triggers keep the summary
            -- later migrations' tables
            ('user_preference', 'select, insert, update'),
            ('case_list_preference', 'select, insert, update'),
            ('api_request', 'select, insert, update, delete'),
            -- legacy imports: a job's row tells its progress and outcome; the cases' keys are recorded once
            ('legacy_import', 'select, insert, update (status, rows_read, rows_checked, rows_to_import, rows_imported,'
                              ' rows_refused, rows_known, persons_linked, updated_at, finished_at, problem_count, problems)'),
            ('legacy_case', 'select, insert'),
            -- refused rows, kept a day for the worker to download, then forgotten
            ('legacy_import_refused', 'select, insert, delete'),
            ('case_search', 'select'),
            ('stat_case', 'select'),
            ('stat_delivery', 'select'),
            ('stat_case_source', 'select'),
            ('stat_delivery_source', 'select'),
            ('stat_victim_year', 'select'),
            ('stat_victim_year_source', 'select'),
            ('stat_order', 'select'),
            ('stat_order_source', 'select'),
            ('stat_first_case', 'select'),
            ('stat_first_case_source', 'select'),
            -- what the nodes of a grid tell each other through the database
            ('reference_data_version', 'select, update (version)'),
            ('scheduled_job', 'select, update (last_run_at)')
        ) as g (relation, privileges) loop
        execute format('grant %s on %I to %I', entry.privileges, entry.relation, app);
    end loop;

    -- ids of the rows it inserts (EclipseLink reads them back with lastval())
    for entry in select s.relname from pg_class s join pg_namespace n on n.oid = s.relnamespace
                 where s.relkind = 'S' and n.nspname = current_schema() loop
        execute format('grant usage on sequence %I to %I', entry.relname, app);
    end loop;

    execute format('grant execute on function audit_event_prepare_partitions() to %I', app);
end;
$$;
