-- The review of an emergency access: another supervisor of the region marks it justified or not, with a finding
-- code and at most a short comment (no personal data). One review per access; reviews are never changed.
-- V7 gave this name to an index of break_glass; the index says what it is for under its new name.
alter index break_glass_review rename to break_glass_region_granted;

create table break_glass_review (
    break_glass_id             bigint       primary key references break_glass (id),
    outcome                    varchar(20)  not null check (outcome in ('JUSTIFIED', 'NOT_JUSTIFIED')),
    finding                    varchar(40)  check (finding in ('LIFE_OR_SAFETY_AT_RISK', 'POLICE_REQUEST',
                                                               'VICTIM_ARRIVED_IN_REGION', 'NO_EMERGENCY',
                                                               'OWNER_REACHABLE', 'REASON_INSUFFICIENT', 'OTHER')),
    comment                    varchar(200),
    reviewed_by                varchar(100) not null,
    reviewer_organisation_code varchar(20),
    reviewed_at                timestamptz  not null
);
create index break_glass_review_reviewed_at on break_glass_review (reviewed_at desc);

-- Whoever broke the glass never reviews her own access: the service refuses it, and so does the database.
create function break_glass_review_not_own() returns trigger language plpgsql as $$
begin
    if exists (select 1 from break_glass b where b.id = new.break_glass_id and b.username = new.reviewed_by) then
        raise exception 'an emergency access is reviewed by another supervisor' using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
create trigger break_glass_review_not_own before insert on break_glass_review
    for each row execute function break_glass_review_not_own();

-- Least privilege: the application reads and adds reviews, and neither changes nor deletes them or the accesses.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') and current_user <> '${appRole}' then
        execute format('revoke all on break_glass_review from %I', '${appRole}');
        execute format('grant select, insert on break_glass_review to %I', '${appRole}');
        execute format('revoke update, delete, truncate on break_glass from %I', '${appRole}');
    end if;
end;
$$;
