-- The timeline joins the audit trail and the notes: what happened to a case is never rewritten. A trigger refuses
-- UPDATE, DELETE and TRUNCATE for everyone, the schema owner included, and the application's role may only read and
-- insert. (Numbered 20: the numbers from 15 are taken by work that is merged separately.)
create function case_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger case_event_no_update before update or delete on case_event
    for each row execute function case_event_is_append_only();
create trigger case_event_no_truncate before truncate on case_event
    for each statement execute function case_event_is_append_only();

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') and current_user <> '${appRole}' then
        execute format('revoke update, delete, truncate on case_event from %I', '${appRole}');
        execute format('grant select, insert on case_event to %I', '${appRole}');
    end if;
end;
$$;
