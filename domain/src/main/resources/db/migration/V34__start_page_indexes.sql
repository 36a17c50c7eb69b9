-- The social worker's start page lists the open cases she owns or is assigned, most recently active first; the
-- assigned worker's index exists (V11), this is the owner's.
create index case_file_owner_activity on case_file (owner_username, last_activity_at desc, id desc);
