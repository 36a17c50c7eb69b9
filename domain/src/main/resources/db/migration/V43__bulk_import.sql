-- Bulk import at thousands of rows a second, and imports that run in the background.
--
-- 1. The summaries that triggers keep (search keys, statistics) were refreshed row by row: an import writing a
--    thousand cases in one statement paid a thousand refreshes of two milliseconds. The triggers on new cases and new
--    incidents now fire once per statement and refresh every case the statement added at once. A page that adds one
--    case writes one row per statement, so nothing changes for it.
-- 2. An import is a job: its row says how far it is (rows checked, rows written, committed batch by batch), so that a
--    progress bar survives a reload, and keeps the problems it found (row, column, message key — never a value), so
--    that it can be found again with its report. The file's name is kept on the row, which only the organisation's
--    own staff see; it is never written to a log or to the trail's detail.

-- Several cases' summaries at once. Rows and victims' keys are locked in ascending order, the order every writer
-- locks in, so two writers never wait on each other in a circle.
create function stat_refresh_first_cases(p_victims bigint[]) returns void
    language plpgsql security definer set search_path from current
    as $$
    begin
        perform pg_advisory_xact_lock(k) from (select distinct unnest(p_victims) as k order by 1) keys;
        delete from stat_first_case where victim_key = any(p_victims);
        insert into stat_first_case select * from stat_first_case_source s where s.victim_key = any(p_victims);
    end;
    $$;

create or replace function stat_refresh_first_cases(p_victim bigint) returns void
    language plpgsql security definer set search_path from current
    as $$ begin perform stat_refresh_first_cases(array[p_victim]); end; $$;

create function stat_refresh_cases(p_cases bigint[]) returns void
    language plpgsql security definer set search_path from current
    as $$
    declare
        old_keys bigint[];
        new_keys bigint[];
    begin
        perform 1 from case_file where id = any(p_cases) order by id for update;
        select array_agg(victim_key) into old_keys from stat_case where case_file_id = any(p_cases);
        delete from stat_first_case where case_file_id = any(p_cases);
        delete from stat_order where case_file_id = any(p_cases);
        delete from stat_delivery where case_file_id = any(p_cases);
        delete from stat_case where case_file_id = any(p_cases);
        insert into stat_case select * from stat_case_source s where s.case_file_id = any(p_cases);
        insert into stat_delivery select * from stat_delivery_source s where s.case_file_id = any(p_cases);
        insert into stat_order select * from stat_order_source s where s.case_file_id = any(p_cases);
        select array_agg(victim_key) into new_keys from stat_case where case_file_id = any(p_cases);
        -- her first cases, under her old keys and her new ones
        perform stat_refresh_first_cases(coalesce(old_keys, '{}') || coalesce(new_keys, '{}'));
    end;
    $$;

create or replace function stat_refresh_case(p_case bigint) returns void
    language plpgsql security definer set search_path from current
    as $$ begin perform stat_refresh_cases(array[p_case]); end; $$;

-- New cases: their search keys and their summaries, once per statement.
create function case_file_on_added() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    begin
        insert into case_search (case_file_id, organisation_code, region_code, assigned_to, search_name, search_keys)
        select c.id, c.organisation_code, c.region_code, c.assigned_to, n.name, search_prefixes(n.name)
        from added c join person v on v.id = c.victim_id, lateral (select person_search_name(v) as name) n;
        perform stat_refresh_cases(array(select id from added));
        return null;
    end;
    $$;

drop trigger stat_case_file_inserted on case_file;
drop trigger case_search_case_file on case_file;
create trigger case_search_case_file after update of organisation_code, region_code, assigned_to, victim_id
    on case_file for each row execute function case_search_on_case_file();
create trigger case_file_added after insert on case_file referencing new table as added
    for each statement execute function case_file_on_added();

create function stat_on_incidents_added() returns trigger
    language plpgsql security definer set search_path from current
    as $$ begin perform stat_refresh_cases(array(select distinct case_file_id from added)); return null; end; $$;

drop trigger stat_incident_changed on incident;
create trigger stat_incident_changed after update or delete on incident
    for each row execute function stat_on_incident();
create trigger stat_incidents_added after insert on incident referencing new table as added
    for each statement execute function stat_on_incidents_added();

-- The import as a job.
alter table legacy_import
    add column file_name      varchar(200),
    add column mode           varchar(5)  not null default 'ALL' check (mode in ('ALL', 'VALID')),
    add column link_known     boolean     not null default false,
    add column status         varchar(10) not null default 'DONE'
        check (status in ('CHECKING', 'WRITING', 'DONE', 'REFUSED', 'FAILED')),
    add column rows_checked   integer     not null default 0 check (rows_checked >= 0),
    add column rows_to_import integer     not null default 0 check (rows_to_import >= 0),
    add column updated_at     timestamptz,
    add column finished_at    timestamptz,
    add column problem_count  integer     not null default 0 check (problem_count >= 0),
    add column problems       jsonb       not null default '[]';
update legacy_import set rows_checked = rows_read, rows_to_import = rows_imported, updated_at = imported_at,
                         finished_at = imported_at;
alter table legacy_import alter column updated_at set not null;
-- its grant is a line of R__application_grants.sql
