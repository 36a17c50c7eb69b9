-- A bulk import's batch refreshes the statistics summaries once for its cases, instead of once per statement that
-- adds to them: its new cases (case_file), then their incidents, each refreshed every case of the batch (and orders or
-- deliveries added by an import would refresh theirs once per row). A writer that adds many cases in one transaction
-- defers the refresh (stat_defer_refresh()), inserts, and then refreshes every case it added in one call
-- (stat_refresh_deferred(ids)). Only the triggers on inserts defer: a change or removal refreshes at once, as before.
-- A page, which never defers, writes exactly as before. And a new case's search name is computed once, not twice.

-- Whether the current transaction deferred its summaries' refresh; set for the transaction only.
create function stat_refresh_is_deferred() returns boolean
    language sql stable
    as $$ select coalesce(current_setting('qorgau.stat_deferred', true), '') = 'on' $$;

create function stat_defer_refresh() returns void
    language sql
    as $$ select set_config('qorgau.stat_deferred', 'on', true) $$;

-- The deferred refresh, for every case the transaction added since it deferred; later inserts refresh at once again.
create function stat_refresh_deferred(p_cases bigint[]) returns void
    language plpgsql security definer set search_path from current
    as $$
    begin
        perform set_config('qorgau.stat_deferred', '', true);
        perform stat_refresh_cases(p_cases);
    end;
    $$;

create or replace function case_file_on_added() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    begin
        insert into case_search (case_file_id, organisation_code, region_code, assigned_to, search_name, search_keys)
        select c.id, c.organisation_code, c.region_code, c.assigned_to, n.name, search_prefixes(n.name)
        from added c join person v on v.id = c.victim_id,
             -- offset 0: the name is computed once per case, not once for each use of it
             lateral (select person_search_name(v) as name offset 0) n;
        if not stat_refresh_is_deferred() then
            perform stat_refresh_cases(array(select id from added));
        end if;
        return null;
    end;
    $$;

create or replace function stat_on_incidents_added() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    begin
        if not stat_refresh_is_deferred() then
            perform stat_refresh_cases(array(select distinct case_file_id from added));
        end if;
        return null;
    end;
    $$;

create or replace function stat_on_order() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    begin
        if tg_op = 'INSERT' and stat_refresh_is_deferred() then
            return null;
        end if;
        if tg_op in ('UPDATE', 'DELETE') then perform stat_refresh_orders(old.case_file_id); end if;
        if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.case_file_id is distinct from old.case_file_id) then
            perform stat_refresh_orders(new.case_file_id);
        end if;
        return null;
    end;
    $$;

create or replace function stat_on_delivery() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    begin
        if tg_op = 'INSERT' then
            if not stat_refresh_is_deferred() then
                insert into stat_delivery select * from stat_delivery_source s where s.delivery_id = new.id;
            end if;
        else
            perform stat_refresh_case(r.case_file_id) from service_referral r where r.id = old.referral_id;
            if tg_op = 'UPDATE' then
                perform stat_refresh_case(r.case_file_id) from service_referral r where r.id = new.referral_id;
            end if;
        end if;
        return null;
    end;
    $$;
