-- Several application nodes share one database (issue 12): what one node must learn from another goes through it.

-- The reference data's change counter: the admin's change moves it in the change's own transaction, and every node
-- compares it with the one its cached choice lists were read at, so no node keeps offering what another changed.
create table reference_data_version (
    one     boolean primary key default true check (one),
    version bigint  not null
);
insert into reference_data_version (version) values (0);

-- Scheduled work that one node does for all: a job's row says when it last ran; the node that locks the row and finds
-- the job due does it in that transaction, the others skip without waiting. A node that dies mid-run holds nothing:
-- its transaction ends with its connection, last_run_at goes back, and the next node's tick does the work.
create table scheduled_job (
    name        varchar(50) primary key,
    last_run_at timestamptz not null default '-infinity'
);
insert into scheduled_job (name) values ('forget-old-requests'), ('prepare-audit-partitions');
