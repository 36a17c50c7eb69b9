-- Two administrators renaming the same organisation at once: the second is told, instead of silently overwriting the
-- first. The version the page showed goes back with every change, as it does for cases.
alter table organisation add column version bigint not null default 0;
alter table legal_article add column version bigint not null default 0;

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') and current_user <> '${appRole}' then
        execute format('grant update (version) on organisation to %I', '${appRole}');
        execute format('grant update (version) on legal_article to %I', '${appRole}');
    end if;
end;
$$;
