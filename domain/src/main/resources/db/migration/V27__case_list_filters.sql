-- Case lists filtered by status, kind, risk, assignee and "has a deadline" in the database, and the filter each user
-- chose, remembered across sign-ins.

-- The three list paths (an organisation's, an assignee's, a region's cases, most recently active first) now carry the
-- filtered columns, so that a filtered page and its count are read from the index alone (index-only scans with the
-- filter evaluated on the index entry) instead of visiting the heap for every case of a large partition. They replace
-- the indexes of V1 and V11 on the same keys.
create index case_file_organisation_list on case_file (organisation_code, last_activity_at desc, id desc)
    include (status, kind, risk_level, assigned_to);
drop index case_file_organisation_activity;
create index case_file_assigned_list on case_file (assigned_to, last_activity_at desc, id desc)
    include (organisation_code, status, kind, risk_level) where assigned_to is not null;
drop index case_file_assigned_activity;
create index case_file_region_list on case_file (region_code, last_activity_at desc, id desc)
    include (status, kind, risk_level, assigned_to);
drop index case_file_region_activity;

-- "Has a deadline" reads the few cases with something due from these (orders and mandates have theirs on dates
-- already, referrals on status and sending time): courses not yet reported, and their missed sessions.
create index psychocorrection_course_unreported on psychocorrection_course (court_mandate_id) where report_kind is null;
create index psychocorrection_session_missed on psychocorrection_session (psychocorrection_course_id) where attendance = 'MISSED';

-- One row per staff member, keyed by her Keycloak user name: the list filter she chose last. Codes of statuses, kinds
-- and risk levels, and at most a colleague's user name; never anything about a victim.
create table case_list_preference (
    username      varchar(100) primary key,
    statuses      varchar(200) not null default '',
    kinds         varchar(200) not null default '',
    risks         varchar(100) not null default '',
    assignment    varchar(10)  not null default 'ANY' check (assignment in ('ANY', 'NOBODY', 'WORKER')),
    assignee      varchar(100),
    with_deadline boolean      not null default false,
    updated_at    timestamptz  not null,
    check ((assignee is not null) = (assignment = 'WORKER'))
);
