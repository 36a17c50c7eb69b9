-- Each user's own settings, keyed by her Keycloak user name (users live in Keycloak). For now the language of the
-- pages, so that it follows her from one sign-in and one computer to the next.
create table user_preference (
    username   varchar(100) primary key,
    language   varchar(2)   not null check (language in ('kk', 'ru', 'en')),
    changed_at timestamptz  not null
);
