-- The admin maintains organisations and legal articles. Nothing that cases, referrals or orders point at is ever
-- deleted: it is deactivated, leaves the choices for new records and keeps its name on the old ones.
alter table organisation add column active boolean not null default true;
alter table legal_article add column active boolean not null default true;

-- Kazakh and English titles may follow later; the pages fall back to the Russian one meanwhile.
alter table legal_article alter column title_kk drop not null;
alter table legal_article alter column title_en drop not null;

-- Codes as the application checks them: upper-case Latin letters and digits in groups joined by dashes. NOT VALID:
-- new and changed rows are checked, rows a deployment may already hold are left as they are.
alter table organisation add constraint organisation_code_format
    check (code ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' and length(code) >= 2) not valid;
alter table legal_article add constraint legal_article_code_format
    check (code ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' and length(code) >= 2) not valid;

-- Least privilege: the application adds organisations and articles and changes only what the admin may change —
-- names, titles, the active flag. It deletes neither, changes no code, type or region, and never touches regions.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') and current_user <> '${appRole}' then
        execute format('revoke insert, update, delete, truncate on region from %I', '${appRole}');
        execute format('revoke update, delete, truncate on organisation from %I', '${appRole}');
        execute format('grant select, insert on organisation to %I', '${appRole}');
        execute format('grant update (name, active) on organisation to %I', '${appRole}');
        execute format('revoke update, delete, truncate on legal_article from %I', '${appRole}');
        execute format('grant select, insert on legal_article to %I', '${appRole}');
        execute format('grant update (title_ru, title_kk, title_en, active) on legal_article to %I', '${appRole}');
    end if;
end;
$$;
