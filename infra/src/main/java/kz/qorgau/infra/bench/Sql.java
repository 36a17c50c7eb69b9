package kz.qorgau.infra.bench;

/**
 * The benchmark's questions asked of PostgreSQL directly: over the raw tables (what any query has to do without a
 * summary) and, where the schema has them, over the statistics summary tables {@code stat_delivery}/{@code stat_case}.
 * A victim is a person, not a person record: her IIN where known, else her normalised name and date of birth.
 * Age is her age at her first delivery in the period; age groups 0–13, 14–17, 18–29, 30–44, 45–59, 60+, unknown.
 */
final class Sql {

    private Sql() {
    }

    static final String CASE_BY_NUMBER = """
            select c.id, c.number, c.kind, c.status, c.region_code, c.organisation_code, c.owner_username, c.assigned_to,
                   c.opened_at, c.risk_level, c.closure_comment, c.version, p.family_name, p.given_name, p.patronymic,
                   p.sex, p.birth_date, p.estimated_age, p.age_estimated_on, p.citizenship, p.iin
            from case_file c join person p on p.id = c.victim_id
            where c.number = ?""";

    /** As the application pages a social worker's list: her organisation's cases and those assigned to her. */
    static final String CASE_LIST = """
            select c.id, c.number, p.family_name, p.given_name, c.region_code, c.kind, c.status, c.opened_at
            from case_file c join person p on p.id = c.victim_id
            where (c.organisation_code = ? or c.assigned_to = ?)
            order by c.last_activity_at desc, c.id desc
            limit 25""";

    static final String CASE_COUNT = """
            select count(*) from case_file c where (c.organisation_code = ? or c.assigned_to = ?)""";

    /**
     * The same page without the OR, which keeps PostgreSQL from walking the (organisation, last activity) index in
     * order: each branch reads its first 25 in index order, and the union merges them (a case of her organisation
     * that is also assigned to her is one row).
     */
    static final String CASE_LIST_AS_UNION = """
            select u.id, u.number, p.family_name, p.given_name, u.region_code, u.kind, u.status, u.opened_at
            from ((select c.id, c.number, c.region_code, c.kind, c.status, c.opened_at, c.last_activity_at, c.victim_id
                   from case_file c where c.organisation_code = ? order by c.last_activity_at desc, c.id desc limit 25)
                  union
                  (select c.id, c.number, c.region_code, c.kind, c.status, c.opened_at, c.last_activity_at, c.victim_id
                   from case_file c where c.assigned_to = ? order by c.last_activity_at desc, c.id desc limit 25)) u
            join person p on p.id = u.victim_id
            order by u.last_activity_at desc, u.id desc
            limit 25""";

    static final String CASE_COUNT_AS_SUM = """
            select (select count(*) from case_file where organisation_code = ?)
                 + (select count(*) from case_file where assigned_to = ? and organisation_code <> ?)""";

    private static final String VICTIM = """
            coalesce(p.iin, lower(p.family_name) || '|' || lower(p.given_name) || '|' || coalesce(p.birth_date::text, 'p' || p.id))""";

    private static final String DELIVERIES = """
            from service_delivery d
            join service_referral f on f.id = d.referral_id
            join case_file c on c.id = f.case_file_id
            join person p on p.id = c.victim_id""";

    private static String ageGroup(String age) {
        return "coalesce((array['0-13', '14-17', '18-29', '30-44', '45-59', '60+'])[width_bucket(" + age
                + ", array[0, 14, 18, 30, 45, 60])], 'unknown')";
    }

    static final String VICTIMS_BY_REGION_AGE_CITIZENSHIP_SEX = """
            with v as (
                select c.region_code as region, p.sex, coalesce(p.citizenship, 'KZ') = 'KZ' as citizen, %s as victim,
                       p.birth_date, p.estimated_age, p.age_estimated_on, min(d.delivered_on) as first_on
                %s
                where d.delivered_on >= ? and d.delivered_on < ?
                group by 1, 2, 3, 4, 5, 6, 7)
            select region, age_group, citizen, sex, count(distinct victim)
            from (select v.*, %s as age_group from v) a
            group by grouping sets ((region, age_group, citizen, sex), (region, age_group, citizen), (sex), ())""".formatted(
            VICTIM, DELIVERIES, ageGroup("coalesce(date_part('year', age(first_on, birth_date)),"
                    + " estimated_age + date_part('year', age(first_on, age_estimated_on)))::int"));

    static final String VICTIMS_BY_YEAR_AND_REGION = """
            select extract(year from d.delivered_on) as year, c.region_code, count(distinct %s)
            %s
            where d.delivered_on >= ? and d.delivered_on < ?
            group by grouping sets ((1, 2), (1))""".formatted(VICTIM, DELIVERIES);

    /** A region's report counts her in each organisation's row, and once in the region's total. */
    static final String REGION_VICTIMS_BY_ORGANISATION_AND_SERVICE = """
            select c.organisation_code, f.service_type, count(distinct %s)
            %s
            where c.region_code = ? and d.delivered_on >= ? and d.delivered_on < ?
            group by grouping sets ((1, 2), (1), (2), ())""".formatted(VICTIM, DELIVERIES);

    static final String ORDERS_BY_REGION = """
            select c.region_code, count(*)
            from protective_order o join case_file c on c.id = o.case_file_id
            where o.issue_date >= ? and o.issue_date < ?
            group by rollup (1)""";

    private static final String AGE_AT = "coalesce(date_part('year', age(%1$s, p.birth_date)),"
            + " p.estimated_age + date_part('year', age(%1$s, p.age_estimated_on)))::int";

    /** One order is one record: a plain count in every cell. */
    static final String ORDERS_BY_REGION_AGE_CITIZENSHIP_SEX = """
            select c.region_code, %s as age_group, coalesce(p.citizenship, 'KZ') = 'KZ' as citizen, p.sex, count(*)
            from protective_order o join case_file c on c.id = o.case_file_id join person p on p.id = c.victim_id
            where o.issue_date >= ? and o.issue_date < ?
            group by grouping sets ((1, 2, 3, 4), (1, 2, 3), (4), ())""".formatted(ageGroup(AGE_AT.formatted("o.issue_date")));

    static final String CASES_BY_REGION_AGE_CITIZENSHIP_SEX = """
            select c.region_code, %s as age_group, coalesce(p.citizenship, 'KZ') = 'KZ' as citizen, p.sex, count(*)
            from case_file c join person p on p.id = c.victim_id
            where c.opened_at >= ?::date and c.opened_at < ?::date
            group by grouping sets ((1, 2, 3, 4), (1, 2, 3), (4), ())""".formatted(
            ageGroup(AGE_AT.formatted("(c.opened_at at time zone 'Asia/Almaty')::date")));

    /** Her first case anywhere: no case of the same person (as the direct queries key her) opened earlier. */
    static final String REGISTERED_BY_REGION_AGE_CITIZENSHIP_SEX = """
            with k as (
                select c.id, c.region_code, c.opened_at, p.sex, coalesce(p.citizenship, 'KZ') = 'KZ' as citizen, %s as victim,
                       %s as age_group
                from case_file c join person p on p.id = c.victim_id),
            first as (
                select k.* from k
                where k.opened_at >= ?::date and k.opened_at < ?::date
                  and not exists (select 1 from k e where e.victim = k.victim and e.opened_at < k.opened_at))
            select region_code, age_group, citizen, sex, count(distinct victim)
            from first
            group by grouping sets ((1, 2, 3, 4), (1, 2, 3), (4), ())""".formatted(VICTIM,
            ageGroup(AGE_AT.formatted("(c.opened_at at time zone 'Asia/Almaty')::date")));

    /** Each organisation counts her for itself; her age at her first delivery in the region. */
    static final String REGION_VICTIMS_BY_ORGANISATION_AGE_CITIZENSHIP_SEX = """
            with v as (
                select d.provider_organisation_code as organisation, p.sex, coalesce(p.citizenship, 'KZ') = 'KZ' as citizen, %s as victim,
                       p.birth_date, p.estimated_age, p.age_estimated_on, min(d.delivered_on) over (partition by %s) as first_on
                %s
                where c.region_code = ? and d.delivered_on >= ? and d.delivered_on < ?)
            select organisation, age_group, citizen, sex, count(distinct victim)
            from (select v.*, %s as age_group from v) a
            group by grouping sets ((organisation, age_group, citizen, sex), (organisation, age_group, citizen), (sex), ())""".formatted(
            VICTIM, VICTIM, DELIVERIES, ageGroup("coalesce(date_part('year', age(first_on, birth_date)),"
                    + " estimated_age + date_part('year', age(first_on, age_estimated_on)))::int"));

    /** {@code citizen}: the summary's own flag, or an expression on its citizenship column. */
    static String summaryVictimsByRegionAgeCitizenshipSex(String citizen) {
        return """
                with v as (
                    select region_code as region, sex, %s as citizen, victim_key, born_on, min(delivered_on) as first_on
                    from stat_delivery
                    where delivered_on >= ? and delivered_on < ?
                    group by 1, 2, 3, 4, 5)
                select region, age_group, citizen, sex, count(distinct victim_key)
                from (select v.*, %s as age_group from v) a
                group by grouping sets ((region, age_group, citizen, sex), (region, age_group, citizen), (sex), ())""".formatted(
                citizen, ageGroup("date_part('year', age(first_on, born_on))::int"));
    }

    static final String SUMMARY_VICTIMS_BY_YEAR_AND_REGION = """
            select extract(year from delivered_on) as year, region_code, count(distinct victim_key)
            from stat_delivery
            where delivered_on >= ? and delivered_on < ?
            group by grouping sets ((1, 2), (1))""";

    static final String SUMMARY_REGION_VICTIMS_BY_ORGANISATION_AND_SERVICE = """
            select organisation_code, service_type, count(distinct victim_key)
            from stat_delivery
            where region_code = ? and delivered_on >= ? and delivered_on < ?
            group by grouping sets ((1, 2), (1), (2), ())""";
}
