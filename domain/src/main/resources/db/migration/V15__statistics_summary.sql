-- Statistics: a summary that is always current. One row per case (stat_case) and one per service delivery
-- (stat_delivery) carry what the figures count and break down by — the victim's identity key and demographics, the
-- case's region, organisation, kind, violence and exploitation types — so that a national report reads one table
-- instead of joining five. Triggers keep both in the same transaction as the write that changes them; the views
-- *_source define the rows, and a from-scratch rebuild (stat_rebuild) gives exactly what the triggers maintain.
-- No name, IIN or address is stored here: a victim is a 64-bit key.

-- A name as compared for identity: lower case, ё as е, letters and digits only.
create function stat_normal_name(t text) returns text
    language sql immutable parallel safe
    as $$ select regexp_replace(translate(lower(t), 'ё', 'е'), '[^[:alnum:]]', '', 'g') $$;

-- The same person across person records (the same woman may have cases in two organisations): her IIN where known,
-- otherwise her normalised name and date of birth; a record with neither is a person of its own.
create function stat_victim_key(iin text, family_name text, given_name text, birth_date date, person_id bigint) returns bigint
    language sql immutable parallel safe
    as $$
        select hashtextextended(case
            when iin is not null then 'I' || iin
            when birth_date is not null then 'N' || stat_normal_name(family_name) || '|' || stat_normal_name(given_name)
                                             || '|' || (birth_date - date '1900-01-01')
            else 'P' || person_id end, 0)
    $$;

create view stat_case_source as
select c.id                                                                     as case_file_id,
       (c.opened_at at time zone 'Asia/Almaty')::date                           as opened_on,
       c.region_code,
       c.organisation_code,
       c.kind,
       p.id                                                                     as person_id,
       stat_victim_key(p.iin, p.family_name, p.given_name, p.birth_date, p.id)  as victim_key,
       p.sex,
       -- an estimated age advances with time: it stands for a date of birth
       coalesce(p.birth_date, (p.age_estimated_on - make_interval(years => p.estimated_age))::date) as born_on,
       p.birth_date is null and p.estimated_age is not null                     as age_estimated,
       p.citizenship,
       coalesce((select array_agg(distinct i.gbv_type order by i.gbv_type)
                 from incident i where i.case_file_id = c.id), '{}')            as gbv_types,
       coalesce((select array_agg(distinct i.legal_article_code order by i.legal_article_code)
                 from incident i where i.case_file_id = c.id and i.legal_article_code is not null), '{}') as legal_articles,
       coalesce((select array_agg(e.exploitation_type order by e.exploitation_type)
                 from trafficking_identification t join trafficking_exploitation e on e.identification_id = t.id
                 where t.case_file_id = c.id), '{}')                            as exploitation_types
from case_file c
join person p on p.id = c.victim_id;

create table stat_case as select * from stat_case_source with no data;
alter table stat_case add primary key (case_file_id);
create index stat_case_opened on stat_case (opened_on);
create index stat_case_region_opened on stat_case (region_code, opened_on);
create index stat_case_organisation_opened on stat_case (organisation_code, opened_on);
create index stat_case_victim on stat_case (victim_key, opened_on);

create view stat_delivery_source as
select d.id                         as delivery_id,
       d.delivered_on,
       d.referral_id,
       s.case_file_id,
       s.victim_key,
       s.region_code,
       s.organisation_code,
       d.provider_organisation_code as provider_code,
       r.service_type,
       s.kind,
       s.sex,
       s.born_on,
       s.citizenship,
       s.gbv_types,
       s.legal_articles,
       s.exploitation_types
from service_delivery d
join service_referral r on r.id = d.referral_id
join stat_case_source s on s.case_file_id = r.case_file_id;

create table stat_delivery as select * from stat_delivery_source with no data;
alter table stat_delivery add primary key (delivery_id);
create index stat_delivery_on on stat_delivery (delivered_on);
create index stat_delivery_region_on on stat_delivery (region_code, delivered_on);
create index stat_delivery_organisation_on on stat_delivery (organisation_code, delivered_on);
create index stat_delivery_provider_on on stat_delivery (provider_code, delivered_on);
create index stat_delivery_case on stat_delivery (case_file_id);

-- The dates other figures are counted by.
create index protective_order_issue_date on protective_order (issue_date);
create index protective_order_revoked_on on protective_order (revoked_on) where revoked_on is not null;
create index protective_order_violation_on on protective_order_violation (occurred_on);
create index court_mandate_decision_date on court_mandate (decision_date);
create index court_mandate_eviction_from on court_mandate (eviction_from) where eviction_from is not null;
create index psychocorrection_course_reported on psychocorrection_course (reported_on) where reported_on is not null;
create index service_referral_sent on service_referral (sent_at) where sent_at is not null;
create index trafficking_identification_decided on trafficking_identification (decided_on);

-- Security definer: the application's role may read the summary but never write it, so figures cannot be edited.
create function stat_refresh_case(p_case bigint) returns void
    language plpgsql security definer set search_path from current
    as $$
    begin
        delete from stat_delivery where case_file_id = p_case;
        delete from stat_case where case_file_id = p_case;
        insert into stat_case select * from stat_case_source s where s.case_file_id = p_case;
        insert into stat_delivery select * from stat_delivery_source s where s.case_file_id = p_case;
    end;
    $$;

create function stat_rebuild() returns void
    language plpgsql security definer set search_path from current
    as $$
    begin
        lock table stat_case, stat_delivery in exclusive mode;
        truncate stat_delivery, stat_case;
        insert into stat_case select * from stat_case_source;
        insert into stat_delivery select * from stat_delivery_source;
    end;
    $$;

create function stat_on_case_file() returns trigger
    language plpgsql security definer set search_path from current
    as $$ begin perform stat_refresh_case(new.id); return null; end; $$;
create trigger stat_case_file_inserted after insert on case_file
    for each row execute function stat_on_case_file();
create trigger stat_case_file_changed after update on case_file
    for each row when (old.kind is distinct from new.kind or old.region_code is distinct from new.region_code
                       or old.organisation_code is distinct from new.organisation_code
                       or old.victim_id is distinct from new.victim_id or old.opened_at is distinct from new.opened_at)
    execute function stat_on_case_file();

create function stat_on_person() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    declare c bigint;
    begin
        for c in select id from case_file where victim_id = new.id loop
            perform stat_refresh_case(c);
        end loop;
        return null;
    end;
    $$;
create trigger stat_person_changed after update on person
    for each row when (old.iin is distinct from new.iin or old.family_name is distinct from new.family_name
                       or old.given_name is distinct from new.given_name or old.birth_date is distinct from new.birth_date
                       or old.estimated_age is distinct from new.estimated_age
                       or old.age_estimated_on is distinct from new.age_estimated_on
                       or old.citizenship is distinct from new.citizenship or old.sex is distinct from new.sex)
    execute function stat_on_person();

create function stat_on_incident() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    begin
        if tg_op in ('UPDATE', 'DELETE') then perform stat_refresh_case(old.case_file_id); end if;
        if tg_op in ('INSERT', 'UPDATE') then perform stat_refresh_case(new.case_file_id); end if;
        return null;
    end;
    $$;
create trigger stat_incident_changed after insert or update or delete on incident
    for each row execute function stat_on_incident();

create function stat_on_exploitation() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    declare ident bigint := case when tg_op = 'DELETE' then old.identification_id else new.identification_id end;
    begin
        perform stat_refresh_case(t.case_file_id) from trafficking_identification t where t.id = ident;
        return null;
    end;
    $$;
create trigger stat_exploitation_changed after insert or update or delete on trafficking_exploitation
    for each row execute function stat_on_exploitation();

create function stat_on_delivery() returns trigger
    language plpgsql security definer set search_path from current
    as $$
    begin
        if tg_op = 'INSERT' then
            insert into stat_delivery select * from stat_delivery_source s where s.delivery_id = new.id;
        else
            perform stat_refresh_case(r.case_file_id) from service_referral r where r.id = old.referral_id;
            if tg_op = 'UPDATE' then
                perform stat_refresh_case(r.case_file_id) from service_referral r where r.id = new.referral_id;
            end if;
        end if;
        return null;
    end;
    $$;
create trigger stat_delivery_changed after insert or update or delete on service_delivery
    for each row execute function stat_on_delivery();

create function stat_on_referral() returns trigger
    language plpgsql security definer set search_path from current
    as $$ begin perform stat_refresh_case(new.case_file_id); perform stat_refresh_case(old.case_file_id); return null; end; $$;
create trigger stat_referral_changed after update on service_referral
    for each row when (old.service_type is distinct from new.service_type or old.case_file_id is distinct from new.case_file_id)
    execute function stat_on_referral();

select stat_rebuild();

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') and current_user <> '${appRole}' then
        execute format('revoke insert, update, delete, truncate on stat_case, stat_delivery from %I', '${appRole}');
        execute format('grant select on stat_case, stat_delivery, stat_case_source, stat_delivery_source to %I', '${appRole}');
        execute format('revoke execute on function stat_rebuild() from public');
    end if;
end;
$$;
