-- At most one consent of each scope in force per case, held by the database as well as by the case file, so that two
-- people recording the same consent at the same moment cannot both succeed. The model used to check only the new
-- consent's own day, so a consent dated before one still in force could be saved beside it: where two or more are in
-- force, the one given last (then recorded last) stays, and each other one ends on the day the last one was given —
-- so every day covered before is still covered, by exactly one consent from then on.
with in_force as (
    select id,
           row_number() over latest as rank,
           first_value(given_on) over latest as last_given_on
    from consent
    where withdrawn_on is null
    window latest as (partition by case_file_id, scope order by given_on desc, recorded_at desc, id desc)
)
update consent c
set withdrawn_on = f.last_given_on
from in_force f
where c.id = f.id and f.rank > 1;

create unique index consent_one_in_force on consent (case_file_id, scope) where withdrawn_on is null;
