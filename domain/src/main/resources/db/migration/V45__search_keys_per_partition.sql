-- Search keys scoped by their partition. The indexes of V35 paired a partition column with the name keys (btree_gin),
-- but GIN reads each entry's posting list whole and intersects them: a common given name ("=aigerim", tens of
-- thousands nationally) and the organisation (tens of thousands of cases) were both read for every search. Here each
-- key carries its organisation and its region ("oALM-CC|=aigerim", "rALM|=aigerim"), so one posting list holds only
-- the partition's cases with that word. The keys are an expression of the row, not stored twice. Cases assigned to a
-- person are few: a B-tree finds them and their keys are checked row by row. Fewer index entries per case than
-- before, which also lightens the import.
create function search_partition_keys(partition text, code text, keys text[]) returns text[]
    language sql immutable strict parallel safe as $$
    select array(select partition || code || '|' || k from unnest(keys) k)
$$;

-- The same keys of both partitions, for the index. Built-in functions only, and no search path of its own: PostgreSQL
-- builds and maintains an index with a safe search path, which would not find the function above, and a function
-- that sets its own pays for it at every row.
create function search_scoped_keys(organisation_code text, region_code text, keys text[]) returns text[]
    language sql immutable strict parallel safe as $$
    select array(select p || k from unnest(array['o' || organisation_code || '|', 'r' || region_code || '|']) p,
                                    unnest(keys) k)
$$;

-- the index of a million cases is built in memory rather than in many spilled runs
set local maintenance_work_mem = '256MB';
drop index case_search_organisation;
drop index case_search_region;
drop index case_search_assigned;
create index case_search_partition_keys on case_search
    using gin (search_scoped_keys(organisation_code, region_code, search_keys));
create index case_search_assigned on case_search (assigned_to) where assigned_to is not null;
