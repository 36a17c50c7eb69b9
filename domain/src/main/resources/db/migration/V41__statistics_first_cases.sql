-- Victims newly registered: each victim's first case anywhere in Qorgau (the earliest opened; of two opened the same
-- day, the one recorded first), one row per victim as a copy of its stat_case row. The figure then counts the year's
-- rows by date instead of asking, for each of the year's 100,000 cases, whether the same woman has an earlier case
-- among a million (0.7 s with four breakdowns). Kept by the case's refresh for her old and new identity key, under
-- the key's lock.
create view stat_first_case_source as
select distinct on (s.victim_key) s.*
from stat_case s
order by s.victim_key, s.opened_on, s.case_file_id;

create table stat_first_case as select * from stat_first_case_source with no data;
alter table stat_first_case add primary key (case_file_id);
create index stat_first_case_opened on stat_first_case (opened_on);
create index stat_first_case_region_opened on stat_first_case (region_code, opened_on);
create index stat_first_case_organisation_opened on stat_first_case (organisation_code, opened_on);
create index stat_first_case_victim on stat_first_case (victim_key);

create function stat_refresh_first_cases(p_victim bigint) returns void
    language plpgsql security definer set search_path from current
    as $$
    begin
        perform pg_advisory_xact_lock(p_victim);
        delete from stat_first_case where victim_key = p_victim;
        insert into stat_first_case select * from stat_first_case_source s where s.victim_key = p_victim;
    end;
    $$;

create or replace function stat_refresh_case(p_case bigint) returns void
    language plpgsql security definer set search_path from current
    as $$
    declare
        old_key bigint;
        new_key bigint;
    begin
        perform 1 from case_file where id = p_case for update;
        select victim_key into old_key from stat_case where case_file_id = p_case;
        delete from stat_first_case where case_file_id = p_case;
        delete from stat_order where case_file_id = p_case;
        delete from stat_delivery where case_file_id = p_case;
        delete from stat_case where case_file_id = p_case;
        insert into stat_case select * from stat_case_source s where s.case_file_id = p_case;
        insert into stat_delivery select * from stat_delivery_source s where s.case_file_id = p_case;
        insert into stat_order select * from stat_order_source s where s.case_file_id = p_case;
        select victim_key into new_key from stat_case where case_file_id = p_case;
        -- her first cases, under her old key and her new one, smaller key first (the order every writer locks in)
        if old_key is not null and (new_key is null or old_key < new_key) then
            perform stat_refresh_first_cases(old_key);
        end if;
        if new_key is not null then
            perform stat_refresh_first_cases(new_key);
        end if;
        if old_key is not null and new_key is not null and old_key > new_key then
            perform stat_refresh_first_cases(old_key);
        end if;
    end;
    $$;

create or replace function stat_rebuild() returns void
    language plpgsql security definer set search_path from current
    as $$
    begin
        lock table stat_case, stat_delivery, stat_victim_year, stat_order, stat_first_case in exclusive mode;
        -- the rebuild computes every victim's years once, at the end, rather than once per inserted delivery
        alter table stat_delivery disable trigger stat_victim_year_added;
        truncate stat_first_case, stat_order, stat_victim_year, stat_delivery, stat_case;
        insert into stat_case select * from stat_case_source;
        insert into stat_delivery select * from stat_delivery_source;
        insert into stat_victim_year select * from stat_victim_year_source;
        insert into stat_order select * from stat_order_source;
        insert into stat_first_case select * from stat_first_case_source;
        alter table stat_delivery enable trigger stat_victim_year_added;
    end;
    $$;

insert into stat_first_case select * from stat_first_case_source;
