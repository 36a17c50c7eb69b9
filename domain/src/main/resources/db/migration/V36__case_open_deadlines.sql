-- "Has a deadline" on the case list, read from the list's own index entry instead of from every deadline-bearing
-- record of the country at each request.
--
-- A case carries its open deadlines, those that stay due until someone acts (DeadlineService lists the same):
--   referral_waiting_since      the earliest sending of a referral still waiting for an answer (status SENT); it is
--                               overdue once that moment is older than the days the provider has (LegalTerms, read
--                               by the application: the figure is the law's, not the schema's)
--   sessions_missed_unreported  a psychocorrection course of one of its court mandates has a missed session and no
--                               report yet
-- Triggers keep both in the transaction of each write to a referral, a course or a session. Deadlines with a date
-- (an order expiring, a court measure ending) are not stored: they fall due as days pass, without any write a trigger
-- could follow, and the few ending in the coming week are read by their date indexes.

alter table case_file
    add column referral_waiting_since     timestamptz,
    add column sessions_missed_unreported boolean not null default false;

-- The open deadlines of one case, recomputed from its records. The case's row is locked first, so that a concurrent
-- change to another record of the same case is waited for and then seen (each statement here takes a new snapshot).
create function case_due_refresh(p_case bigint) returns void
    language plpgsql security definer set search_path from current
    as $$
    declare
        waiting timestamptz;
        missed  boolean;
    begin
        if p_case is null then
            return;
        end if;
        perform 1 from case_file where id = p_case for update;
        select min(r.sent_at) into waiting from service_referral r where r.case_file_id = p_case and r.status = 'SENT';
        select exists (select 1 from court_mandate m join psychocorrection_course k on k.court_mandate_id = m.id
                       where m.case_file_id = p_case and k.report_kind is null
                         and exists (select 1 from psychocorrection_session s
                                     where s.psychocorrection_course_id = k.id and s.attendance = 'MISSED'))
            into missed;
        update case_file set referral_waiting_since = waiting, sessions_missed_unreported = missed
        where id = p_case
          and (referral_waiting_since is distinct from waiting or sessions_missed_unreported is distinct from missed);
    end;
    $$;

-- Every case at once, set-based, touching only the rows that differ: this migration's backfill, and the benchmark's
-- bulk load, which runs without triggers.
create function case_due_rebuild() returns bigint
    language plpgsql security definer set search_path from current
    as $$
    declare
        changed bigint;
    begin
        with waiting as (
            select r.case_file_id as id, min(r.sent_at) as since
            from service_referral r where r.status = 'SENT' group by r.case_file_id
        ), missed as (
            select distinct m.case_file_id as id
            from court_mandate m join psychocorrection_course k on k.court_mandate_id = m.id
            where k.report_kind is null
              and exists (select 1 from psychocorrection_session s where s.psychocorrection_course_id = k.id and s.attendance = 'MISSED')
        ), due as (
            select c.id, w.since, (m.id is not null) as missed
            from case_file c left join waiting w on w.id = c.id left join missed m on m.id = c.id
            where c.referral_waiting_since is distinct from w.since or c.sessions_missed_unreported <> (m.id is not null)
        )
        update case_file c set referral_waiting_since = d.since, sessions_missed_unreported = d.missed
        from due d where c.id = d.id;
        get diagnostics changed = row_count;
        return changed;
    end;
    $$;

create function case_due_on_referral() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    begin
        if tg_op <> 'INSERT' then
            perform case_due_refresh(old.case_file_id);
        end if;
        if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.case_file_id is distinct from old.case_file_id) then
            perform case_due_refresh(new.case_file_id);
        end if;
        return null;
    end;
    $$;
create trigger case_due_referral_added after insert on service_referral
    for each row when (new.status = 'SENT') execute function case_due_on_referral();
create trigger case_due_referral_changed after update of status, sent_at, case_file_id on service_referral
    for each row when (old.status is distinct from new.status or old.sent_at is distinct from new.sent_at
                       or old.case_file_id is distinct from new.case_file_id)
    execute function case_due_on_referral();
create trigger case_due_referral_removed after delete on service_referral
    for each row when (old.status = 'SENT') execute function case_due_on_referral();

-- a course and its sessions reach their case through the court mandate
create function case_due_on_course() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    begin
        if tg_op <> 'INSERT' then
            perform case_due_refresh((select m.case_file_id from court_mandate m where m.id = old.court_mandate_id));
        end if;
        if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.court_mandate_id is distinct from old.court_mandate_id) then
            perform case_due_refresh((select m.case_file_id from court_mandate m where m.id = new.court_mandate_id));
        end if;
        return null;
    end;
    $$;
create trigger case_due_course_changed after insert or update of report_kind, court_mandate_id or delete on psychocorrection_course
    for each row execute function case_due_on_course();

create function case_due_on_session() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    begin
        if tg_op <> 'INSERT' then
            perform case_due_refresh((select m.case_file_id from psychocorrection_course k join court_mandate m on m.id = k.court_mandate_id
                                      where k.id = old.psychocorrection_course_id));
        end if;
        if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.psychocorrection_course_id is distinct from old.psychocorrection_course_id) then
            perform case_due_refresh((select m.case_file_id from psychocorrection_course k join court_mandate m on m.id = k.court_mandate_id
                                      where k.id = new.psychocorrection_course_id));
        end if;
        return null;
    end;
    $$;
create trigger case_due_session_added after insert on psychocorrection_session
    for each row when (new.attendance = 'MISSED') execute function case_due_on_session();
create trigger case_due_session_changed after update of attendance, psychocorrection_course_id on psychocorrection_session
    for each row execute function case_due_on_session();
create trigger case_due_session_removed after delete on psychocorrection_session
    for each row when (old.attendance = 'MISSED') execute function case_due_on_session();

-- a mandate moved to another case takes its course with it
create function case_due_on_mandate() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    begin
        perform case_due_refresh(old.case_file_id);
        perform case_due_refresh(new.case_file_id);
        return null;
    end;
    $$;
create trigger case_due_mandate_moved after update of case_file_id on court_mandate
    for each row when (old.case_file_id is distinct from new.case_file_id) execute function case_due_on_mandate();

select case_due_rebuild();

-- The three list paths of V27 again, now carrying the open deadlines too, so that "has a deadline" is evaluated on
-- the index entry like the other filters (inactivity is read from last_activity_at and status, already there).
create index case_file_organisation_list_due on case_file (organisation_code, last_activity_at desc, id desc)
    include (status, kind, risk_level, assigned_to, referral_waiting_since, sessions_missed_unreported);
drop index case_file_organisation_list;
alter index case_file_organisation_list_due rename to case_file_organisation_list;
create index case_file_assigned_list_due on case_file (assigned_to, last_activity_at desc, id desc)
    include (organisation_code, status, kind, risk_level, referral_waiting_since, sessions_missed_unreported)
    where assigned_to is not null;
drop index case_file_assigned_list;
alter index case_file_assigned_list_due rename to case_file_assigned_list;
create index case_file_region_list_due on case_file (region_code, last_activity_at desc, id desc)
    include (status, kind, risk_level, assigned_to, referral_waiting_since, sessions_missed_unreported);
drop index case_file_region_list;
alter index case_file_region_list_due rename to case_file_region_list;

