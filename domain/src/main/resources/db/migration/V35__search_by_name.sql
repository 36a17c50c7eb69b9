-- Search by name across alphabets: a person's names reduced to one Latin skeleton, the same for Cyrillic,
-- Kazakh letters and their Latin spellings (Жанар and Zhanar and Janar are all "janar", Айгерим and Aigerim
-- "aigerim", ё is е, Kazakh ә ғ қ ң ө ұ ү һ і fold to a g k n o u u h i), so that a trigram index finds a name
-- typed in either alphabet and with small typos. The same function reduces what the user types, so the rule is
-- written once, here. Never shown to anyone: it only finds.
create extension if not exists pg_trgm;

create function search_skeleton(name text) returns text language sql immutable strict parallel safe as $$
    select trim(regexp_replace(translate(
        replace(replace(replace(replace(replace(replace(
            replace(replace(replace(replace(replace(
                lower(translate(name, 'АӘБВГҒДЕЁЖЗИЙІКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫЬЭЮЯ', 'аәбвгғдеёжзийікқлмнңоөпрстуұүфхһцчшщъыьэюя')),
                'zh', 'j'), 'kh', 'h'), 'ş', 'sh'), 'ç', 'ch'), 'x', 'ks'),
            'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'щ', 'sh'), 'ю', 'iu'), 'я', 'ia'),
        'аәбвгғдеёжзийікқлмнңоөпрстуұүфхһыэäğqñöūüıywéъь', 'aabvggdeejziiikklmnnooprstuuufhhieagknouuiive'),
        '[^a-z0-9]+', ' ', 'g'))
$$;

-- All the names a person is known by, Cyrillic and Latin, in one searchable text.
alter table person add column search_name text generated always as (search_skeleton(
    coalesce(family_name, '') || ' ' || coalesce(given_name, '') || ' ' || coalesce(patronymic, '') || ' '
    || coalesce(family_name_latin, '') || ' ' || coalesce(given_name_latin, ''))) stored;
create index person_search_name on person using gin (search_name gin_trgm_ops);
