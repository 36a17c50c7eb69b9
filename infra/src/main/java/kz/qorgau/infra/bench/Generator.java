package kz.qorgau.infra.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static kz.qorgau.infra.bench.Random.between;
import static kz.qorgau.infra.bench.Random.chance;
import static kz.qorgau.infra.bench.Random.pick;
import static kz.qorgau.infra.bench.Random.r;

/**
 * Fills an empty, migrated Qorgau database with N obviously fictional cases over ten calendar years, inside
 * PostgreSQL: every table is one {@code insert … select} over {@code generate_series} or over a staging table of the
 * cases, with attributes drawn by {@link Random} from the seed. Nothing goes row by row through JDBC or JPA.
 *
 * <p>Shapes follow the published figures: about 100,000 cases a year at 1,000,000 cases, regions weighted by
 * population, about 0.7 protective orders a case, a court mandate in 15 % of cases (psychocorrection in 40 % of
 * those, eviction in 12 %), referrals in about 60 % with one to three deliveries each, trafficking in 1.5 %,
 * 3–5 % foreign citizens (far more among trafficking victims), and about 3 % of victims known to a second
 * organisation as a second person record with the same IIN, or the same name and date of birth.
 *
 * <p>Family names mean "test", "sample", "demo" (as in the demo data); document numbers start with DEMO; IINs are
 * well-formed with a valid check digit, and one IIN never stands for two different generated people.
 *
 * <p>Ids are derived from the case id ({@code case * 4 + k} for a case's k-th order or referral, …), so that child
 * rows are computed without joins; identity sequences are moved past them at the end.
 */
final class Generator {

    /** Population in thousands (2024, rounded): the weight of a region among the cases. */
    static final Object[] REGIONS = {
            "AST", 1450, "ALM", 2230, "SHY", 1230, "ABA", 610, "AKM", 790, "AKT", 930, "ALA", 1520, "ATY", 700,
            "WKO", 690, "ZHA", 1220, "ZHE", 700, "KAR", 1140, "KOS", 830, "KZY", 840, "MAN", 790, "PAV", 750,
            "SKO", 530, "TUR", 2110, "ULY", 220, "VKO", 730};

    /** Every region gets one of each, coded like the demo ones (ALM-CC, ALM-POL, …), which already exist. */
    private static final String ORGANISATION_TYPES = """
            ('CC',  'Кризисный центр «Демо»',            'CRISIS_CENTRE'),
            ('FSC', 'Демо-центр поддержки семьи',        'FAMILY_SUPPORT_CENTRE'),
            ('SPD', 'Демо-управление соцзащиты',         'SOCIAL_PROTECTION_DEPARTMENT'),
            ('POL', 'Демо-отдел полиции',                'POLICE_UNIT'),
            ('CRT', 'Демо-районный суд',                 'COURT'),
            ('NGO', 'Демо-НПО «Помощь»',                 'NGO'),
            ('HC',  'Демо-центр психического здоровья',  'HEALTHCARE_PROVIDER'),
            ('CSA', 'Демо-центр социальной адаптации',   'SOCIAL_ADAPTATION_CENTRE')""";

    private static final String FAMILY_STEMS = "array['Тестов', 'Примеров', 'Демоев', 'Образцов', 'Вымыслов', 'Условнов',"
            + " 'Макетов', 'Шаблонов', 'Черновиков', 'Эскизов', 'Набросков', 'Выдумкин', 'Проектов', 'Опытов', 'Пробин',"
            + " 'Заготовкин', 'Тестбаев', 'Демобеков', 'Үлгібаев', 'Сынақов']";
    private static final String WOMEN = "array['Айгерим', 'Айгуль', 'Динара', 'Жанар', 'Гульнара', 'Асель', 'Мадина',"
            + " 'Сауле', 'Алия', 'Ботагоз', 'Меруерт', 'Жансая', 'Әсем', 'Ақмарал', 'Гүлназ', 'Анна', 'Ольга', 'Дана']";
    private static final String MEN = "array['Ерлан', 'Данияр', 'Нұрлан', 'Сергей', 'Арман', 'Тимур', 'Асхат',"
            + " 'Бауыржан', 'Ерболат', 'Марат']";
    private static final String ALMATY = "'Asia/Almaty'";

    /** Tables this generator fills; their secondary indexes are dropped while loading and built once at the end. */
    private static final List<String> TABLES = List.of("person", "case_file", "case_number_counter", "incident",
            "consent", "risk_assessment", "case_event", "protective_order", "protective_order_prohibition",
            "protective_order_violation", "court_submission", "court_mandate", "court_mandate_requirement",
            "psychocorrection_course", "psychocorrection_session", "service_referral", "service_delivery",
            "trafficking_identification", "trafficking_exploitation", "trafficking_means_of_control");

    private final long cases;
    private final long seed;
    private final int lastYear;
    private final Map<String, Long> phases = new LinkedHashMap<>();

    Generator(long cases, long seed, int lastYear) {
        if (cases < 1) {
            throw new IllegalArgumentException("at least one case");
        }
        this.cases = cases;
        this.seed = seed;
        this.lastYear = lastYear;
    }

    /** Milliseconds per phase, in order. */
    Map<String, Long> phases() {
        return phases;
    }

    private String from() {
        return "date '" + LocalDate.of(lastYear - 9, 1, 1) + "'";
    }

    private String lastDay() {
        return "date '" + LocalDate.of(lastYear, 12, 31) + "'";
    }

    /** The moment the generated decade ends: what "today" is for the generated records. */
    private String end() {
        return "(date '" + LocalDate.of(lastYear + 1, 1, 1) + "'::timestamp at time zone " + ALMATY + ")";
    }

    void generate(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            // bulk load: no triggers, no foreign-key checks (they are triggers too); the data are consistent by design
            s.execute("set session_replication_role = replica");
            s.execute("set synchronous_commit = off");
            s.execute("set maintenance_work_mem = '1GB'");
            s.execute("set work_mem = '256MB'");
            phase(s, "prepare", this::prepare);
            phase(s, "reference data", this::organisations);
            phase(s, "cases staged", this::stage);
            phase(s, "persons and case files", this::personsAndCases);
            phase(s, "incidents, consents, risk, timeline", this::casework);
            phase(s, "protective orders", this::protectiveOrders);
            phase(s, "court submissions and mandates", this::courts);
            phase(s, "referrals and deliveries", this::referrals);
            phase(s, "trafficking identification", this::trafficking);
            phase(s, "indexes", this::indexes);
            phase(s, "sequences", this::sequences);
            s.execute("set session_replication_role = origin");
            s.execute("drop table benchgen.c0, benchgen.c");
        }
    }

    /** What follows a load or a new migration: the statistics summary, if the schema has one, and fresh planner statistics. */
    void summarise(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("set maintenance_work_mem = '1GB'");
            s.execute("set work_mem = '256MB'");
            // the bulk load ran without triggers, so the search table is empty until rebuilt once
            if (exists(s, "select 1 from pg_proc where proname = 'case_search_rebuild'")
                    && !exists(s, "select 1 from case_search limit 1") && exists(s, "select 1 from case_file limit 1")) {
                phase(s, "case_search_rebuild()", st -> st.execute("select case_search_rebuild()"));
            }
            // the open deadlines each case carries (V36), kept by triggers the bulk load ran without; a no-op when right
            if (exists(s, "select 1 from pg_proc where proname = 'case_due_rebuild'")) {
                phase(s, "case_due_rebuild()", st -> st.execute("select case_due_rebuild()"));
            }
            if (exists(s, "select 1 from pg_proc where proname = 'stat_rebuild'")) {
                phase(s, "stat_rebuild()", st -> st.execute("select stat_rebuild()"));
            }
            // a vacuum sets the visibility map, so index-only scans work as they would on a database in service
            phase(s, "vacuum analyze", st -> st.execute("vacuum (analyze)"));
            s.execute("checkpoint");
        }
    }

    private interface Step {
        void run(Statement s) throws SQLException;
    }

    private void phase(Statement s, String name, Step step) throws SQLException {
        long started = System.nanoTime();
        step.run(s);
        long ms = (System.nanoTime() - started) / 1_000_000;
        phases.put(name, ms);
        System.out.printf("[benchmark]   %-40s %8.1f s%n", name, ms / 1000.0);
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private void prepare(Statement s) throws SQLException {
        s.execute("create schema if not exists benchgen");
        s.execute(Random.functionDefinition(seed));
        // secondary indexes are built once after the load instead of being kept up to date row by row
        s.execute("""
                create table benchgen.index_definition (name text primary key, definition text not null)""");
        s.execute("""
                insert into benchgen.index_definition
                select i.indexname, i.indexdef from pg_indexes i
                where i.schemaname = current_schema() and i.tablename = any (?)
                  and not exists (select 1 from pg_constraint k where k.conindid = (quote_ident(i.indexname))::regclass)"""
                .replace("?", "array[" + String.join(", ", TABLES.stream().map(t -> "'" + t + "'").toList()) + "]"));
        try (ResultSet rs = s.executeQuery("select name from benchgen.index_definition")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            for (String name : names) {
                s.execute("drop index " + name);
            }
        }
    }

    private void organisations(Statement s) throws SQLException {
        s.execute("""
                insert into organisation (code, name, type, region_code)
                select r.code || '-' || t.suffix, t.name || ' (' || r.name_ru || ')', t.type, r.code
                from region r cross join (values %s) t (suffix, name, type)
                on conflict (code) do nothing""".formatted(ORGANISATION_TYPES));
    }

    /**
     * Two staging tables of the cases: {@code c0} draws region, date, kind and organisation per case and picks the
     * cases that are a second case of an earlier victim; {@code c} adds the victim's identity (drawn for her first
     * case, so both person records agree), status, dates, owner and the case number.
     */
    private void stage(Statement s) throws SQLException {
        long days = LocalDate.of(lastYear - 9, 1, 1).until(LocalDate.of(lastYear + 1, 1, 1), java.time.temporal.ChronoUnit.DAYS);
        s.execute("""
                create unlogged table benchgen.c0 as
                select i as id, region, opened_at, kind,
                       case when region = 'ALM' then %s else %s end as org_type,
                       case when i > 5000 and %s then i - 1 - floor(%s * 4000)::bigint end as twin_of
                from (select i, %s as region, %s as kind,
                             ((%s + ((i - 1) * %d / %d)::int) + interval '8 hours' + %s * interval '10 hours')
                                 at time zone %s as opened_at
                      from generate_series(1::bigint, %d) i) g""".formatted(
                // Almaty's crisis centre gets a big share, so the demo social worker there sees a long list
                pick("i", 3, "CC", 35, "FSC", 45, "SPD", 20), pick("i", 3, "CC", 40, "FSC", 45, "SPD", 15),
                chance("i", 20, 0.03), r("i", 21),
                pick("i", 1, REGIONS),
                pick("i", 4, "DOMESTIC_VIOLENCE", 98.5, "TRAFFICKING", 0.8, "DOMESTIC_VIOLENCE_AND_TRAFFICKING", 0.7),
                from(), days, cases, r("i", 2), ALMATY, cases));
        // a second case of a second case is simply a case of its own
        s.execute("update benchgen.c0 t set twin_of = null from benchgen.c0 f where t.twin_of = f.id and f.twin_of is not null");
        // the second case is mostly in the same region, always in another organisation
        String keepsRegion = chance("t.id", 22, 0.7);
        s.execute("""
                update benchgen.c0 t set region = case when %1$s then f.region else t.region end,
                       org_type = case when (%1$s or t.region = f.region) and t.org_type = f.org_type
                                       then case f.org_type when 'CC' then 'FSC' else 'CC' end else t.org_type end
                from benchgen.c0 f
                where t.twin_of = f.id""".formatted(keepsRegion));
        s.execute("alter table benchgen.c0 add primary key (id)");

        String key = "f.id"; // the victim's identity is drawn for her first case
        // IIN: the check digit with weights 1..11, or 3..11,1,2 when the first sum leaves 10 (as Iin.checkDigit)
        String digits = "d.d";
        s.execute("""
                create unlogged table benchgen.c as
                select t.id, t.region, t.region || '-' || t.org_type as org, t.org_type, t.kind, t.opened_at, o.opened_on,
                       f.id as ik, (f.opened_at at time zone %1$s)::date as ident_on,
                       v.female, v.age, v.born, v.estimated, v.is_foreign, v.citizenship,
                       case when v.wants_iin and cd.c1 < 10 then d.d || cd.c1 when v.wants_iin and cd.c2 < 10 then d.d || cd.c2 end as iin,
                       n.family || case when v.female then 'а' else '' end as family, n.given, n.patronymic,
                       st.status, st.last_activity_at, %2$s as risk, w.owner,
                       case when t.region = 'ALM' and t.org_type <> 'FSC' and %3$s then 'zhanar' end as assigned_to
                from benchgen.c0 t
                join benchgen.c0 f on f.id = coalesce(t.twin_of, t.id)
                cross join lateral (select (t.opened_at at time zone %1$s)::date as opened_on,
                                           extract(epoch from %4$s - t.opened_at)::float8 / 86400 as age_days) o
                cross join lateral (select %5$s as female, %6$s as is_foreign, %7$s as estimated,
                                           case width_bucket(%8$s, array[0, 0.02, 0.06, 0.31, 0.69, 0.91]::float8[])
                                               when 1 then 3 + floor(%9$s * 11) when 2 then 14 + floor(%9$s * 4)
                                               when 3 then 18 + floor(%9$s * 12) when 4 then 30 + floor(%9$s * 15)
                                               when 5 then 45 + floor(%9$s * 15) else 60 + floor(%9$s * 25) end::int as age) v0
                cross join lateral (select v0.*, (f.opened_at at time zone %1$s)::date - make_interval(years => v0.age)
                                               - (floor(%10$s * 365)::int * interval '1 day') as born_ts,
                                           case when v0.is_foreign then %11$s else 'KZ' end as citizenship,
                                           not v0.is_foreign and not v0.estimated and %12$s as wants_iin) v1
                cross join lateral (select v1.*, v1.born_ts::date as born) v
                cross join lateral (select to_char(v.born, 'YYMMDD')
                                           || ((case when v.born >= date '2000-01-01' then 5 else 3 end) + v.female::int)::text
                                           || lpad(floor(%13$s * 10000)::int::text, 4, '0') as d) d
                cross join lateral (select (%14$s) %% 11 as c1, (%15$s) %% 11 as c2) cd
                cross join lateral (select (%16$s)[1 + floor(%17$s * 20)::int] as family,
                                           case when v.female then (%18$s)[1 + floor(%19$s * 18)::int]
                                                else (%20$s)[1 + floor(%19$s * 10)::int] end as given,
                                           case when %21$s then (%20$s)[1 + floor(%22$s * 10)::int]
                                                || case when v.female then 'овна' else 'ович' end end as patronymic) n
                cross join lateral (select case when o.age_days > 365
                                               then %23$s else %24$s end as status,
                                           least(%4$s - interval '1 hour', t.opened_at + interval '1 hour'
                                               + %25$s * least(o.age_days, 300) * interval '1 day') as last_activity_at) st
                cross join lateral (select case when t.region || '-' || t.org_type in ('ALM-CC', 'AST-CC', 'ALM-FSC') and w.n = 1
                                               then case t.region || '-' || t.org_type when 'ALM-CC' then 'aigerim'
                                                    when 'AST-CC' then 'dana' else 'zhanar' end
                                               else lower(t.region || '-' || t.org_type) || '.worker' || w.n end as owner
                                    from (select %26$s as n) w) w""".formatted(
                ALMATY,
                pick("t.id", 32, null, 20, "LOW", 24, "MEDIUM", 32, "HIGH", 18, "SEVERE", 6),
                chance("t.id", 34, 0.005),
                end(),
                "(" + r(key, 10) + " < case when f.kind = 'DOMESTIC_VIOLENCE' then 0.88 else 0.65 end)",
                "(" + r(key, 14) + " < case when f.kind = 'DOMESTIC_VIOLENCE' then 0.035 else 0.40 end)",
                chance(key, 16, 0.03),
                r(key, 11), r(key, 12), r(key, 13),
                pick(key, 15, "UZ", 35, "KG", 20, "TJ", 12, "RU", 15, "TM", 5, "CN", 5, "AF", 3, "AZ", 3, "UA", 2),
                chance(key, 17, 0.93),
                r(key, 18),
                weightedSum(digits, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}),
                weightedSum(digits, new int[] {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2}),
                FAMILY_STEMS, r(key, 19), WOMEN, r(key, 23), MEN, chance(key, 24, 0.7), r(key, 25),
                pick("t.id", 30, "CLOSED", 92, "ACTIVE", 5, "REOPENED", 2, "CLOSURE_REQUESTED", 1),
                pick("t.id", 30, "OPEN", 15, "ACTIVE", 55, "CLOSURE_REQUESTED", 5, "CLOSED", 23, "REOPENED", 2),
                r("t.id", 31),
                between("t.id", 33, 1, 8)));
        // one IIN, one person: a rare clash of two drawn people keeps the IIN for the first only
        s.execute("""
                update benchgen.c set iin = null where id in (
                    select id from (select id, ik, min(ik) over (partition by iin) as first from benchgen.c where iin is not null) x
                    where ik <> first)""");
        s.execute("alter table benchgen.c add primary key (id)");
        s.execute("analyze benchgen.c");
    }

    private static String weightedSum(String digits, int[] weights) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            terms.add("substr(" + digits + ", " + (i + 1) + ", 1)::int * " + weights[i]);
        }
        return String.join(" + ", terms);
    }

    private void personsAndCases(Statement s) throws SQLException {
        s.execute("""
                insert into person (id, family_name, given_name, patronymic, sex, birth_date, version, estimated_age,
                                    age_estimated_on, citizenship, iin, document_type, document_number)
                select id, family, given, patronymic, case when female then 'FEMALE' else 'MALE' end,
                       case when not estimated then born end, 0,
                       case when estimated then age end, case when estimated then ident_on end,
                       citizenship, iin, case when is_foreign then 'PASSPORT' end,
                       case when is_foreign then 'DEMO' || lpad(ik::text, 8, '0') end
                from benchgen.c""");
        s.execute("""
                insert into case_file (id, number, region_code, organisation_code, owner_username, victim_id, kind, status,
                                       opened_at, last_activity_at, version, risk_level, closure_comment, closed_by, assigned_to)
                select id, region || '-' || extract(year from opened_on) || '-'
                           || lpad((row_number() over (partition by region, extract(year from opened_on) order by opened_at, id))::text, 6, '0'),
                       region, org, owner, id, kind, status, opened_at, last_activity_at, 0, risk,
                       case when status = 'CLOSED' then 'Демо: цели плана безопасности достигнуты, помощь оказана.' end,
                       case when status = 'CLOSED' then case when region = 'ALM' then 'nurlan' else lower(region) || '-spd.supervisor1' end end,
                       assigned_to
                from benchgen.c""");
        s.execute("""
                insert into case_number_counter (region_code, year, last_value)
                select region, extract(year from opened_on)::int, count(*) from benchgen.c group by 1, 2
                on conflict (region_code, year) do update set last_value = greatest(case_number_counter.last_value, excluded.last_value)""");
    }

    private void casework(Statement s) throws SQLException {
        String id = "(c.id * 2 + k)";
        s.execute("""
                insert into incident (id, case_file_id, occurred_on, gbv_type, recorded_at, context, region_code,
                                      legal_article_code, relationship, reported_to_police_on, recorded_by)
                select %1$s, c.id, a.occurred_on, a.gbv, c.opened_at, a.context, c.region,
                       case when a.context = 'TRAFFICKING' then case when c.age < 18 then 'UK-135' else 'UK-128' end
                            when a.gbv = 'RAPE' then 'UK-120' when a.gbv = 'SEXUAL_ASSAULT' then 'UK-121'
                            when a.gbv = 'PHYSICAL_ASSAULT' then %2$s when a.gbv = 'PSYCHOLOGICAL_ABUSE' then %3$s
                            when a.gbv = 'FORCED_MARRIAGE' then %4$s else 'KOAP-73' end,
                       case a.context when 'INTIMATE_PARTNER' then %5$s when 'FAMILY' then %6$s
                                      when 'TRAFFICKING' then %7$s else %8$s end,
                       case when %9$s then a.occurred_on + %10$s end, c.owner
                from benchgen.c c
                cross join lateral generate_series(0, case when %11$s then 1 else 0 end) k
                cross join lateral (select case when k = 0 then c.opened_on - %12$s else c.last_activity_at::date end as occurred_on,
                                           case when k = 0 and c.kind <> 'DOMESTIC_VIOLENCE' then 'TRAFFICKING' else %13$s end as context,
                                           case when k = 0 and c.kind <> 'DOMESTIC_VIOLENCE' then %14$s else %15$s end as gbv) a""".formatted(
                id,
                pick(id, 41, "KOAP-73", 50, "UK-109-1", 25, "UK-108-1", 15, "UK-107", 6, "UK-106", 3, "UK-110", 1),
                pick(id, 41, "KOAP-73", 80, "UK-115", 20),
                pick(id, 41, "KOAP-73", 70, "UK-125", 30),
                pick(id, 42, "SPOUSE", 55, "FORMER_SPOUSE", 15, "PARTNER", 20, "FORMER_PARTNER", 10),
                pick(id, 42, "PARENT", 25, "SIBLING", 20, "CHILD", 20, "IN_LAW", 25, "OTHER_RELATIVE", 10),
                pick(id, 42, "RECRUITER", 50, "EMPLOYER", 30, "ACQUAINTANCE", 20),
                pick(id, 42, "ACQUAINTANCE", 50, "STRANGER", 30, "OTHER", 20),
                chance(id, 43, 0.75), between(id, 44, 0, 2),
                chance("c.id", 40, 0.2),
                between("c.id", 45, 0, 6),
                pick(id, 46, "INTIMATE_PARTNER", 70, "FAMILY", 25, "OTHER", 5),
                pick(id, 47, "PSYCHOLOGICAL_ABUSE", 40, "PHYSICAL_ASSAULT", 25, "SEXUAL_ASSAULT", 20, "DENIAL_OF_RESOURCES", 15),
                pick(id, 47, "PHYSICAL_ASSAULT", 45, "PSYCHOLOGICAL_ABUSE", 30, "DENIAL_OF_RESOURCES", 10,
                        "SEXUAL_ASSAULT", 6, "RAPE", 4, "FORCED_MARRIAGE", 5)));

        // consent to services, to disclosure (a referral needs it, see referrals()) and to statistics
        String consentId = "(c.id * 4 + s.n)";
        s.execute("""
                insert into consent (id, case_file_id, scope, given_on, withdrawn_on, recorded_by, recorded_at)
                select %1$s, c.id, s.scope, c.opened_on,
                       case when %2$s < s.withdrawn then least(c.opened_on + %3$s, %4$s) end, c.owner, c.opened_at
                from benchgen.c c
                cross join (values (1, 'SERVICES', 0.95, 0.0), (2, 'DISCLOSURE', 0.80, 0.02), (3, 'STATISTICS', 0.85, 0.03)) s (n, scope, given, withdrawn)
                where %5$s < s.given""".formatted(consentId, r(consentId, 51), between(consentId, 52, 30, 400), lastDay(),
                r(consentId, 50)));
        s.execute("""
                insert into risk_assessment (id, case_file_id, level, assessed_on, assessed_by, recorded_at)
                select id, id, risk, opened_on, owner, opened_at from benchgen.c where risk is not null""");
        s.execute("""
                insert into case_event (id, case_file_id, occurred_at, kind, actor_username, actor_organisation_code)
                select id, id, opened_at, 'CASE_OPENED', owner, org from benchgen.c""");
    }

    /** Whether a case's victim consented to disclosure: the same draw as her consent row, so referrals respect it. */
    private static String disclosure(String caseId) {
        return "(" + r("(" + caseId + " * 4 + 2)", 50) + " < 0.80)";
    }

    /** The first order comes with the case, a further one every one to two months; a late one may fall after the decade. */
    private void protectiveOrders(Statement s) throws SQLException {
        String id = "(c.id * 4 + k)";
        s.execute("""
                insert into protective_order (id, case_file_id, issuing_unit_code, issuing_officer, order_number, issue_date,
                                              valid_until, perpetrator_family_name, perpetrator_given_name,
                                              perpetrator_birth_date, revoked_on, revocation_reason, revoked_by,
                                              recorded_at, version)
                select %1$s, c.id, c.region || '-POL', p.officer, 'ЗП-' || %1$s, o.issued, o.issued + 29,
                       p.family, p.given, (c.opened_on - make_interval(years => p.age) - interval '40 days')::date,
                       case when o.revoked then o.issued + %2$s end,
                       case when o.revoked then 'Демо-данные: отозвано начальником отдела после проверки.' end,
                       case when o.revoked then p.officer end,
                       (o.issued + interval '14 hours') at time zone %3$s, 0
                from benchgen.c c
                cross join lateral generate_series(1, width_bucket(%4$s, array[0, 0.50, 0.83, 0.95]::float8[]) - 1) k
                cross join lateral (select greatest(%5$s, c.opened_on - %6$s + (k - 1) * (30 + %7$s)) as issued, %8$s as revoked) o
                cross join lateral (select (%9$s)[1 + floor(%10$s * 20)::int] as family, (%11$s)[1 + floor(%12$s * 10)::int] as given,
                                           %13$s as age,
                                           case when c.region = 'ALM' and w.n = 1 then 'serik' else lower(c.region) || '-pol.officer' || w.n end as officer
                                    from (select %14$s as n) w) p
                where c.kind <> 'TRAFFICKING'""".formatted(
                id, between(id, 61, 0, 9), ALMATY,
                r("c.id", 60), from(), between("c.id", 62, 0, 1), between(id, 63, 0, 40), chance(id, 64, 0.03),
                FAMILY_STEMS, r("c.id", 65), MEN, r("c.id", 66), between("c.id", 67, 18, 60), between(id, 68, 1, 6)));
        s.execute("""
                insert into protective_order_prohibition (protective_order_id, prohibition)
                select o.id, p.prohibition
                from protective_order o
                cross join (values (1, 'NO_VIOLENCE', 1.0), (2, 'NO_SEEKING_OR_HARASSING', 0.8), (3, 'NO_VISITING', 0.5),
                                   (4, 'NO_CONTACT_BY_PHONE_OR_ONLINE', 0.6), (5, 'NO_OTHER_CONTACT', 0.3)) p (n, prohibition, share)
                where %s < p.share""".formatted(r("(o.id * 8 + p.n)", 69)));
        s.execute("""
                insert into protective_order_violation (id, protective_order_id, occurred_on, consequence, arrest_days,
                                                        recorded_by, recorded_at)
                select o.id, o.id, v.occurred_on, v.consequence,
                       case when v.consequence = 'ADMINISTRATIVE_ARREST' then %1$s end,
                       o.issuing_officer, (v.occurred_on + interval '18 hours') at time zone %2$s
                from protective_order o
                cross join lateral (select o.issue_date + %3$s as occurred_on, %4$s as consequence) v
                where o.revoked_on is null and %5$s""".formatted(
                between("o.id", 71, 1, 5), ALMATY, between("o.id", 72, 0, 29),
                pick("o.id", 73, "WARNING", 50, "ADMINISTRATIVE_ARREST", 40, "CRIMINAL_PROCEEDINGS", 10),
                chance("o.id", 70, 0.12)));
    }

    private static final String HAS_MANDATE = "(" + chance("c.id", 80, 0.15) + " and c.kind <> 'TRAFFICKING')";

    private void courts(Statement s) throws SQLException {
        String submitted = "(c.opened_at + (10 + " + r("c.id", 82) + " * 30) * interval '1 day')";
        s.execute("""
                insert into court_submission (id, case_file_id, court_code, submitted_by, submitted_at)
                select c.id, c.id, c.region || '-CRT', c.owner, %s
                from benchgen.c c where %s or %s""".formatted(submitted, HAS_MANDATE, chance("c.id", 81, 0.06)));
        s.execute("""
                insert into court_mandate (id, case_file_id, court_code, decision_number, decision_date, recorded_by,
                                           recorded_at, start_date, end_date, police_reports_per_month,
                                           eviction_place_code, eviction_from, eviction_to, version)
                select c.id, c.id, c.region || '-CRT', 'СТ-' || c.id, m.decided, m.judge,
                       (m.decided + interval '16 hours') at time zone %1$s, m.decided, (m.decided + make_interval(months => m.months))::date,
                       case when %2$s then %3$s end,
                       case when m.evicted then c.region || '-CSA' end,
                       case when m.evicted then m.decided end, case when m.evicted then m.decided + %4$s end, 0
                from benchgen.c c
                cross join lateral (select (%5$s at time zone %1$s)::date + %6$s as decided, %7$s as months, %8$s as evicted,
                                           case when c.region = 'ALM' and %9$s = 1 then 'aliya'
                                                else lower(c.region) || '-crt.judge' || %9$s end as judge) m
                where %10$s""".formatted(
                ALMATY, chance("c.id", 83, 0.7), between("c.id", 84, 1, 4), between("c.id", 85, 30, 84),
                submitted, between("c.id", 86, 5, 30), between("c.id", 87, 3, 12), chance("c.id", 88, 0.12),
                between("c.id", 89, 1, 3), HAS_MANDATE));
        s.execute("""
                insert into court_mandate_requirement (court_mandate_id, requirement)
                select m.id, q.requirement
                from court_mandate m
                cross join (values (1, 'NO_CONTACT', 0.9), (2, 'NO_WEAPONS', 0.4), (3, 'NO_ALCOHOL_OR_DRUGS', 0.5)) q (n, requirement, share)
                where %s < q.share""".formatted(r("(m.id * 4 + q.n)", 90)));
        // a course ends with a report once its mandate has ended within the decade: mostly completed
        s.execute("""
                insert into psychocorrection_course (id, court_mandate_id, provider_code, sessions_required, report_kind,
                                                     reported_on, non_compliance_reason, reported_by)
                select m.id, m.id, left(m.court_code, 3) || '-HC', p.required, p.report,
                       case when p.report is not null then m.start_date + 5 * p.held + 2 end,
                       case when p.report = 'NON_COMPLIANCE' then %1$s end,
                       case when p.report is not null then lower(left(m.court_code, 3)) || '-hc.psychologist1' end
                from court_mandate m
                cross join lateral (select %2$s as required,
                                           case when m.end_date <= %3$s then %4$s end as report) p0
                cross join lateral (select p0.*, case p0.report when 'COMPLETION' then p0.required + %5$s
                                                     when 'NON_COMPLIANCE' then 1 + floor(%6$s * p0.required * 0.6)::int
                                                     else least(p0.required, greatest(0, (%3$s - m.start_date) / 5)) end as held) p
                where %7$s""".formatted(
                pick("m.id", 91, "DID_NOT_START", 10, "MISSED_SESSIONS", 60, "REFUSED_TO_CONTINUE", 20, "OTHER", 10),
                between("m.id", 92, 8, 16), lastDay(), pick("m.id", 93, "COMPLETION", 70, "NON_COMPLIANCE", 30),
                between("m.id", 94, 0, 2), r("m.id", 95), chance("m.id", 96, 0.4)));
        // sessions every five days; a completed course attended all it required (the missed ones are extra)
        String sessionId = "(p.id * 32 + n)";
        s.execute("""
                insert into psychocorrection_session (id, psychocorrection_course_id, held_on, attendance, recorded_by, recorded_at)
                select %1$s, p.id, m.start_date + 5 * n,
                       case when p.report_kind = 'COMPLETION' then case when n %% 5 = 0 and n / 5 <= x.extra then 'MISSED' else 'ATTENDED' end
                            when p.report_kind = 'NON_COMPLIANCE' then case when %2$s then 'MISSED' else 'ATTENDED' end
                            else case when %3$s then 'MISSED' else 'ATTENDED' end end,
                       lower(p.provider_code) || '.psychologist1', (m.start_date + 5 * n + interval '18 hours') at time zone %4$s
                from psychocorrection_course p
                join court_mandate m on m.id = p.court_mandate_id
                cross join lateral (select %5$s as extra) x
                cross join lateral generate_series(1, case when p.report_kind = 'COMPLETION' then p.sessions_required + x.extra
                                                           when p.report_kind = 'NON_COMPLIANCE' then 1 + floor(%6$s * p.sessions_required * 0.6)::int
                                                           else least(p.sessions_required, greatest(0, (%7$s - m.start_date) / 5)) end) n""".formatted(
                sessionId, chance(sessionId, 97, 0.4), chance(sessionId, 97, 0.1), ALMATY,
                between("p.id", 94, 0, 2), r("p.id", 95), lastDay()));
    }

    private void referrals(Statement s) throws SQLException {
        String id = "(c.id * 4 + k)";
        String old = "(" + end() + " - x.created_at > interval '90 days')";
        s.execute("""
                insert into service_referral (id, case_file_id, service_type, from_organisation_code, to_organisation_code,
                                              created_by, created_at, status, sent_at, sent_by, answered_at, answered_by,
                                              decline_reason, started_at, started_by, closed_at, closed_by, version)
                select %1$s, c.id, x.service, c.org, x.provider, c.owner, x.created_at, y.status,
                       t.sent_at, case when t.sent_at is not null then c.owner end,
                       t.answered_at, case when t.answered_at is not null then x.staff end,
                       case when y.status = 'DECLINED' then %2$s end,
                       t.started_at, case when t.started_at is not null then x.staff end,
                       case y.status when 'COMPLETED' then t.started_at + %3$s * interval '1 day'
                                     when 'CANCELLED' then x.created_at + %4$s * interval '1 day' end,
                       case y.status when 'COMPLETED' then x.staff when 'CANCELLED' then c.owner end, 0
                from benchgen.c c
                cross join lateral generate_series(1, width_bucket(%5$s, array[0, 0.55, 0.85]::float8[])) k
                cross join lateral (select x0.*, case when x0.provider = 'ALM-NGO' and %6$s then 'madina'
                                                      else lower(x0.provider) || '.staff' || %7$s end as staff
                                    from (select %8$s as service,
                                                 least(%9$s - interval '2 hours', c.opened_at + ((k - 1) * 7 + %10$s * 3) * interval '1 day') as created_at
                                         ) s0
                                    cross join lateral (select s0.*, c.region || '-' ||
                                        case when s0.service = 'MEDICAL' then 'HC'
                                             when s0.service = 'PSYCHOLOGICAL' and %11$s then 'HC'
                                             when %12$s then 'NGO'
                                             when c.org_type = 'CC' then 'FSC' else 'CC' end as provider) x0) x
                cross join lateral (select case when %13$s then %14$s else %15$s end as status) y
                cross join lateral (select t0.*, case when y.status in ('IN_PROGRESS', 'COMPLETED') then t0.answered_at + %16$s * interval '3 days' end as started_at
                                    from (select t1.*, case when y.status in ('ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED')
                                                            then t1.sent_at + interval '1 hour' + %17$s * interval '4 days' end as answered_at
                                          from (select case when y.status <> 'PROPOSED' then x.created_at + %18$s * interval '4 hours' end as sent_at) t1) t0) t
                where %19$s and %20$s""".formatted(
                id, pick(id, 101, "NO_CAPACITY", 40, "NOT_IN_MANDATE", 30, "CLIENT_UNREACHABLE", 20, "OTHER", 10),
                between(id, 102, 7, 67), between(id, 103, 0, 10),
                r("c.id", 104), chance(id, 105, 0.5), between(id, 106, 1, 4),
                pick(id, 107, "PSYCHOLOGICAL", 30, "LEGAL", 22, "SOCIAL_DOMESTIC", 20, "MEDICAL", 12, "ECONOMIC", 5,
                        "LABOUR", 5, "PEDAGOGICAL", 4, "CULTURAL", 2),
                end(), r(id, 108), chance(id, 109, 0.5), chance(id, 110, 0.8),
                old,
                pick(id, 111, "COMPLETED", 72, "DECLINED", 8, "CANCELLED", 6, "IN_PROGRESS", 4, "ACCEPTED", 4, "SENT", 4, "PROPOSED", 2),
                pick(id, 111, "COMPLETED", 20, "IN_PROGRESS", 35, "ACCEPTED", 15, "SENT", 15, "DECLINED", 5, "PROPOSED", 7, "CANCELLED", 3),
                r(id, 112), r(id, 113), r(id, 114),
                disclosure("c.id"), chance("c.id", 100, 0.75)));
        // deliveries while a referral is in progress, between its start and its close (or a month on)
        String deliveryId = "(f.id * 4 + j)";
        s.execute("""
                insert into service_delivery (id, referral_id, delivered_on, hours, provider_organisation_code, recorded_by, recorded_at)
                select %1$s, f.id, d.delivered_on, %2$s / 2.0, f.to_organisation_code, f.started_by,
                       (d.delivered_on + interval '17 hours') at time zone %3$s
                from service_referral f
                cross join lateral generate_series(1, width_bucket(%4$s, array[0, 0.5, 0.8]::float8[])) j
                cross join lateral (select (f.started_at at time zone %3$s)::date
                                           + floor(%5$s * extract(epoch from coalesce(f.closed_at, f.started_at + interval '30 days') - f.started_at) / 86400)::int
                                           as delivered_on) d
                where f.status in ('IN_PROGRESS', 'COMPLETED')""".formatted(
                deliveryId, between(deliveryId, 121, 2, 8), ALMATY, r("f.id", 120), r(deliveryId, 122)));
    }

    private void trafficking(Statement s) throws SQLException {
        s.execute("""
                insert into trafficking_identification (id, case_file_id, status, deciding_organisation_code, decided_on,
                                                        country_of_recruitment, country_of_exploitation, recruitment_type,
                                                        recorded_by, recorded_at, version)
                select c.id, c.id, %1$s, c.region || '-POL', t.decided, c.citizenship,
                       case when c.is_foreign then %2$s else %3$s end, %4$s,
                       case when c.region = 'ALM' then 'serik' else lower(c.region) || '-pol.officer1' end,
                       (t.decided + interval '15 hours') at time zone %5$s, 0
                from benchgen.c c
                cross join lateral (select c.opened_on + %6$s as decided) t
                where c.kind <> 'DOMESTIC_VIOLENCE'""".formatted(
                pick("c.id", 130, "VICTIM", 60, "POSSIBLE_VICTIM", 30, "NOT_A_VICTIM", 10),
                pick("c.id", 131, "KZ", 85, "RU", 5, "AE", 4, "TR", 3, "KR", 3),
                pick("c.id", 131, "KZ", 60, "RU", 12, "AE", 8, "TR", 7, "KR", 6, "CN", 3, "DE", 4),
                pick("c.id", 132, "PERSONAL_CONTACT", 30, "JOB_ADVERTISEMENT", 25, "ONLINE", 20, "RECRUITMENT_AGENCY", 10,
                        "FAMILY_MEMBER", 8, "ABDUCTION", 3, "OTHER", 4),
                ALMATY, between("c.id", 133, 0, 20)));
        s.execute("""
                insert into trafficking_exploitation (identification_id, exploitation_type)
                select t.id, %s from trafficking_identification t where t.status <> 'NOT_A_VICTIM'""".formatted(
                pick("t.id", 134, "FORCED_LABOUR", 50, "SEXUAL", 35, "DOMESTIC_SERVITUDE", 6, "BEGGING", 4,
                        "FORCED_CRIMINALITY", 3, "FORCED_MARRIAGE", 2)));
        s.execute("""
                insert into trafficking_exploitation (identification_id, exploitation_type)
                select t.id, e.type from trafficking_identification t
                cross join (values (1, 'FORCED_LABOUR'), (2, 'SEXUAL'), (3, 'DOMESTIC_SERVITUDE'), (4, 'BEGGING')) e (n, type)
                where t.status <> 'NOT_A_VICTIM' and %s
                on conflict do nothing""".formatted(chance("(t.id * 8 + e.n)", 135, 0.08)));
        s.execute("""
                insert into trafficking_means_of_control (identification_id, means_of_control)
                select t.id, m.means from trafficking_identification t
                cross join (values (1, 'FALSE_PROMISES', 0.55), (2, 'CONFISCATION_OF_DOCUMENTS', 0.45),
                                   (3, 'THREATS_TO_VICTIM_OR_FAMILY', 0.40), (4, 'WITHHOLDING_OF_EARNINGS', 0.35),
                                   (5, 'DEBT_BONDAGE', 0.30), (6, 'RESTRICTED_MOVEMENT', 0.30), (7, 'PSYCHOLOGICAL_ABUSE', 0.30),
                                   (8, 'ISOLATION', 0.20), (9, 'PHYSICAL_ABUSE', 0.20), (10, 'SEXUAL_ABUSE', 0.10),
                                   (11, 'SUBSTANCE_DEPENDENCE', 0.05)) m (n, means, share)
                where t.status <> 'NOT_A_VICTIM' and %s < m.share""".formatted(r("(t.id * 16 + m.n)", 136)));
    }

    /** The secondary indexes dropped in prepare(), built now in one pass per index (parallel where PostgreSQL can). */
    private void indexes(Statement s) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select definition from benchgen.index_definition order by name")) {
            while (rs.next()) {
                definitions.add(rs.getString(1));
            }
        }
        for (String definition : definitions) {
            s.execute(definition);
        }
        s.execute("drop table benchgen.index_definition");
    }

    /** Identity sequences past the derived ids, so that the application's next row gets a fresh one. */
    private void sequences(Statement s) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select table_name from information_schema.columns where table_schema = current_schema()"
                + " and column_name = 'id' and is_identity = 'YES'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables.stream().filter(TABLES::contains).toList()) {
            s.execute("select setval(pg_get_serial_sequence('%1$s', 'id'), greatest(1, (select max(id) from %1$s)))".formatted(table));
        }
    }
}
