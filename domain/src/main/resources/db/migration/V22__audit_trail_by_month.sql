-- The audit trail grows by every read of every case and is never pruned, so it is partitioned by month of
-- occurred_at: each month's rows and indexes stay a size that is cheap to cache, vacuum and back up, and old months
-- can one day be moved to cheaper storage as a whole. "Who saw this" reads each month's index in order and merges
-- them (Merge Append), so it stays an index look-up per month however large the trail grows.
--
-- Partitions are made ahead of time by audit_event_prepare_partitions(): this month and the next twelve. The
-- migration calls it, the application calls it at every start and once a night (AuditPartitions). Should a row
-- arrive for a month that has no partition after all, the default partition takes it: an audit row is never lost
-- and never refused, because refusing it would refuse the read or change it records. A month that already has rows
-- in the default partition stays there (moving them would need the delete the trail refuses).

alter table audit_event rename to audit_event_unpartitioned;
alter index audit_event_pkey rename to audit_event_unpartitioned_pkey;
alter index audit_event_case_file rename to audit_event_unpartitioned_case_file;
alter index audit_event_user rename to audit_event_unpartitioned_user;
alter sequence audit_event_id_seq rename to audit_event_unpartitioned_id_seq;

create sequence audit_event_id_seq;

create table audit_event (
    id                bigint       not null default nextval('audit_event_id_seq'),
    occurred_at       timestamptz  not null default now(),
    username          varchar(100) not null,
    roles             varchar(200) not null,
    organisation_code varchar(20),
    action            varchar(20)  not null check (action in ('READ', 'CREATE', 'CHANGE', 'EXPORT', 'FAILED_ACCESS', 'BREAK_GLASS')),
    record_type       varchar(40)  not null,
    record_id         bigint,
    case_file_id      bigint,
    detail            varchar(60),
    client_address    varchar(64),
    primary key (id, occurred_at)
) partition by range (occurred_at);
alter sequence audit_event_id_seq owned by audit_event.id;

-- newest first, ties by id, exactly as "who saw this" orders: each partition's index yields the rows in order
create index audit_event_case_file on audit_event (case_file_id, occurred_at desc, id desc) where case_file_id is not null;
create index audit_event_user on audit_event (username, occurred_at);

-- row triggers on the partitioned table hold for every partition, present and future; TRUNCATE is per table
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

create table audit_event_default partition of audit_event default;
create trigger audit_event_no_truncate before truncate on audit_event_default
    for each statement execute function audit_event_is_append_only();

-- months [first_month, last_month], in UTC, each a partition audit_event_yYYYYmMM with its own TRUNCATE guard;
-- answers how many were created
create function audit_event_add_partitions(first_month date, last_month date) returns integer
    language plpgsql set search_path from current as $$
declare
    month   date := date_trunc('month', first_month)::date;
    name    text;
    created integer := 0;
begin
    while month <= last_month loop
        name := format('audit_event_y%sm%s', to_char(month, 'YYYY'), to_char(month, 'MM'));
        if to_regclass(name) is null and not exists (
                select 1 from audit_event_default
                where occurred_at >= (month::timestamp at time zone 'UTC')
                  and occurred_at < ((month + interval '1 month')::timestamp at time zone 'UTC')) then
            execute format('create table %I partition of audit_event for values from (%L) to (%L)', name,
                           month::timestamp at time zone 'UTC', (month + interval '1 month')::timestamp at time zone 'UTC');
            execute format('create trigger audit_event_no_truncate before truncate on %I '
                           'for each statement execute function audit_event_is_append_only()', name);
            created := created + 1;
        end if;
        month := (month + interval '1 month')::date;
    end loop;
    return created;
end;
$$;
revoke execute on function audit_event_add_partitions(date, date) from public;

-- what the application may call: this month and the next twelve, never more, created as the schema owner
create function audit_event_prepare_partitions() returns integer
    language plpgsql security definer set search_path from current as $$
begin
    return audit_event_add_partitions((now() at time zone 'UTC')::date,
                                      ((now() at time zone 'UTC') + interval '12 months')::date);
end;
$$;
revoke execute on function audit_event_prepare_partitions() from public;

-- the existing trail, every row as it was, under its own id
select audit_event_add_partitions(coalesce((select min(occurred_at) at time zone 'UTC' from audit_event_unpartitioned),
                                           now() at time zone 'UTC')::date,
                                  ((now() at time zone 'UTC') + interval '12 months')::date);
insert into audit_event (id, occurred_at, username, roles, organisation_code, action, record_type, record_id,
                         case_file_id, detail, client_address)
select id, occurred_at, username, roles, organisation_code, action, record_type, record_id,
       case_file_id, detail, client_address
from audit_event_unpartitioned
order by occurred_at, id;
select setval('audit_event_id_seq', coalesce((select max(id) from audit_event_unpartitioned), 0) + 1, false);
drop table audit_event_unpartitioned;
