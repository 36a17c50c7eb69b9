-- A case may be assigned to one social worker of its region, perhaps of another organisation, who then finds it and
-- works on it beside the owning organisation (but never learns where the victim lives). Assigned by user name.
alter table case_file add column assigned_to varchar(100);
-- the assigned worker's list: her cases, most recently active first (the organisation's list has its own index)
create index case_file_assigned_activity on case_file (assigned_to, last_activity_at desc, id desc) where assigned_to is not null;

-- Staff as Keycloak described them at their last sign-in: only what a supervisor needs to pick a social worker.
create table staff_member (
    username          varchar(100) primary key,
    display_name      varchar(200) not null,
    roles             varchar(200) not null,
    organisation_code varchar(20),
    region_code       varchar(3),
    last_seen_at      timestamptz  not null
);
create index staff_member_region on staff_member (region_code);

-- A second Almaty organisation with social workers, so that a case can be assigned across organisations.
insert into organisation (code, name, type, region_code) values
    ('ALM-FSC', 'Демо-центр поддержки семьи (Алматы)', 'FAMILY_SUPPORT_CENTRE', 'ALM');
