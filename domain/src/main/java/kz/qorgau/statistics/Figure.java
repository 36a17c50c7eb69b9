package kz.qorgau.statistics;

import java.util.EnumSet;
import java.util.Set;

import static kz.qorgau.statistics.Dimension.*;

/**
 * Every figure Qorgau publishes, defined once: what is counted, by which date, and how a person is deduplicated. The
 * pages, the exports and the API all compute a figure from this definition; its explanation for readers is the text
 * {@code figure.<NAME>.definition} in their language.
 * <p>
 * Each definition is the SQL of its facts, one row per counted event, with the date that puts it into a period
 * ({@code fact_on}), the victim's identity key ({@code victim_key}: one woman with cases in two organisations is one
 * key), the record counted ({@code record_id}), the organisation answerable for it ({@code organisation_code}) and
 * the organisation owning the case ({@code case_organisation_code}), and the columns its dimensions read.
 */
public enum Figure {
    /** Distinct victims with at least one service delivered in the period, by the delivery date. */
    VICTIMS_ASSISTED(Unit.VICTIMS, """
            select d.delivered_on as fact_on, d.victim_key, d.delivery_id as record_id, d.region_code,
                   d.provider_code as organisation_code, d.organisation_code as case_organisation_code, d.sex, d.born_on,
                   d.citizenship, d.kind, d.gbv_types, d.legal_articles, d.exploitation_types, d.service_type
            from stat_delivery d""", SERVICE_TYPE),
    /** Cases opened in the period. */
    NEW_CASES(Unit.RECORDS, Facts.cases("stat_case", "true")),
    /**
     * Distinct victims whose first case anywhere in Qorgau was opened in the period, counted for the organisation and
     * region of that case (of two opened the same day, the one recorded first).
     */
    VICTIMS_REGISTERED(Unit.VICTIMS, Facts.cases("stat_first_case", "true")),
    /** Protective orders issued in the period, by the date of issue. */
    ORDERS_ISSUED(Unit.RECORDS, Facts.orders("s.issue_date", "true")),
    /** Violations of protective orders in the period, by the date of the violation, with their consequence. */
    ORDER_VIOLATIONS(Unit.RECORDS, """
            select v.occurred_on as fact_on, v.id as record_id, o.issuing_unit_code as organisation_code, v.consequence,
            """ + Facts.VICTIM + " from protective_order_violation v join protective_order o on o.id = v.protective_order_id"
            + " join stat_case s on s.case_file_id = o.case_file_id", VIOLATION_CONSEQUENCE),
    /** Orders that ran their full term: not revoked, last day of validity in the period and already past. */
    ORDERS_EXPIRED(Unit.RECORDS, Facts.orders("s.valid_until", "s.revoked_on is null and s.valid_until < :today")),
    /** Orders revoked in the period, by the date of revocation. */
    ORDERS_REVOKED(Unit.RECORDS, Facts.orders("s.revoked_on", "s.revoked_on is not null")),
    /** Court decisions in the period, by decision date; by requirement, a decision counts under each it imposes. */
    MANDATES_DECIDED(Unit.RECORDS, Facts.mandates("m.decision_date", "true"), REQUIREMENT),
    /** Temporary evictions of the aggressor to a Centre of Social Adaptation, by the first day of the eviction. */
    EVICTIONS(Unit.RECORDS, Facts.mandates("m.eviction_from", "m.eviction_place_code is not null"), REQUIREMENT),
    /** Mandatory psychocorrection courses ordered, by the date of the decision. */
    PSYCHOCORRECTION_ORDERED(Unit.RECORDS, Facts.courses("m.decision_date", "true")),
    /** Courses reported completed, by the date of the report. */
    PSYCHOCORRECTION_COMPLETED(Unit.RECORDS, Facts.courses("k.reported_on", "k.report_kind = 'COMPLETION'")),
    /** Courses reported as not complied with, by the date of the report. */
    PSYCHOCORRECTION_NON_COMPLIANT(Unit.RECORDS, Facts.courses("k.reported_on", "k.report_kind = 'NON_COMPLIANCE'")),
    /** Completed courses as a share of all courses reported in the period (completed or not complied with). */
    PSYCHOCORRECTION_COMPLETION_RATE(Unit.PERCENT, Facts.courses("k.reported_on", "k.report_kind is not null")),
    /** Referrals sent in the period, by the date sent, with their outcome as it stands now. */
    REFERRALS(Unit.RECORDS, Facts.referrals("r.sent_at is not null"), SERVICE_TYPE, REFERRAL_OUTCOME),
    /** Median hours from sending a referral to the provider's answer, of referrals sent in the period and answered. */
    REFERRAL_ANSWER_HOURS(Unit.MEDIAN_HOURS, Facts.referrals("r.answered_at is not null"), SERVICE_TYPE, REFERRAL_OUTCOME),
    /**
     * Distinct victims of trafficking identified in the period, by the date of the decision: possible victims and
     * victims; a decision that she is not a victim does not make her one.
     */
    TRAFFICKING_VICTIMS(Unit.VICTIMS, """
            select t.decided_on as fact_on, t.id as record_id, t.deciding_organisation_code as organisation_code,
                   t.status as identification_status, t.country_of_exploitation,
                   array(select c.means_of_control from trafficking_means_of_control c where c.identification_id = t.id
                         order by 1)::text[] as means_of_control,
            """ + Facts.VICTIM + " from trafficking_identification t join stat_case s on s.case_file_id = t.case_file_id"
            + " where t.status <> 'NOT_A_VICTIM'",
            IDENTIFICATION_STATUS, MEANS_OF_CONTROL, COUNTRY_OF_EXPLOITATION);

    /** Entries of the requirement dimension beside the requirements proper. */
    public static final String POLICE_REPORTS = "POLICE_REPORTS";
    public static final String EVICTION = "EVICTION";
    public static final String PSYCHOCORRECTION = "PSYCHOCORRECTION";

    /** What a figure counts. */
    public enum Unit {
        /** Distinct persons: a woman counted once in a cell however many records put her there. */
        VICTIMS,
        /** Records: orders, decisions, referrals. */
        RECORDS,
        /** A share of records in per cent, with the number of records it is taken of. */
        PERCENT,
        /** A median in hours, with the number of records it is taken of. */
        MEDIAN_HOURS;

        public boolean isCount() {
            return this == VICTIMS || this == RECORDS;
        }
    }

    /** The SQL shared by the definitions; a holder, so that the constants above may use it. */
    private static final class Facts {

        private static final String VICTIM = """
                       s.victim_key, s.region_code, s.organisation_code as case_organisation_code, s.sex, s.born_on,
                       s.citizenship, s.kind, s.gbv_types, s.legal_articles, s.exploitation_types""";

        private static final Set<Dimension> COMMON = EnumSet.of(REGION, ORGANISATION, SEX, AGE_GROUP, CITIZENSHIP, CASE_KIND,
                GBV_TYPE, EXPLOITATION_TYPE, LEGAL_ARTICLE);

        /** {@code table}: stat_case, or stat_first_case for the cases of the day each victim first came. */
        static String cases(String table, String condition) {
            return "select s.opened_on as fact_on, s.case_file_id as record_id, s.organisation_code," + VICTIM
                    + " from " + table + " s where " + condition;
        }

        static String orders(String date, String condition) {
            // the orders' own summary carries the case's columns: no join to stat_case
            return "select " + date + " as fact_on, s.order_id as record_id, s.issuing_unit_code as organisation_code," + VICTIM
                    + " from stat_order s where " + condition;
        }

        static String mandates(String date, String condition) {
            return "select " + date + " as fact_on, m.id as record_id, m.court_code as organisation_code,"
                    + " array(select q.requirement from court_mandate_requirement q where q.court_mandate_id = m.id)::text[]"
                    + " || case when m.police_reports_per_month is not null then array['" + POLICE_REPORTS + "'] else '{}'::text[] end"
                    + " || case when m.eviction_place_code is not null then array['" + EVICTION + "'] else '{}'::text[] end"
                    + " || case when exists (select 1 from psychocorrection_course k where k.court_mandate_id = m.id)"
                    + " then array['" + PSYCHOCORRECTION + "'] else '{}'::text[] end as requirements,"
                    + VICTIM + " from court_mandate m join stat_case s on s.case_file_id = m.case_file_id where " + condition;
        }

        static String courses(String date, String condition) {
            return "select " + date + " as fact_on, k.id as record_id, m.court_code as organisation_code,"
                    + " case when k.report_kind = 'COMPLETION' then 100.0 else 0.0 end as measure_value,"
                    + VICTIM + " from psychocorrection_course k join court_mandate m on m.id = k.court_mandate_id"
                    + " join stat_case s on s.case_file_id = m.case_file_id where " + condition;
        }

        static String referrals(String condition) {
            return "select (r.sent_at at time zone 'Asia/Almaty')::date as fact_on, r.id as record_id,"
                    + " r.to_organisation_code as organisation_code, r.from_organisation_code, r.service_type, r.status as outcome,"
                    + " extract(epoch from (r.answered_at - r.sent_at)) / 3600.0 as measure_value,"
                    + VICTIM + " from service_referral r join stat_case s on s.case_file_id = r.case_file_id where " + condition;
        }
    }

    private final Unit unit;
    private final String facts;
    private final Set<Dimension> dimensions;

    Figure(Unit unit, String facts, Dimension... extra) {
        this.unit = unit;
        this.facts = facts;
        this.dimensions = EnumSet.copyOf(Facts.COMMON);
        this.dimensions.addAll(Set.of(extra));
    }

    public Unit unit() {
        return unit;
    }

    /**
     * Its facts hold each victim once (her first case, in stat_first_case), so that counting facts counts victims,
     * her attributes being those of that one case.
     */
    boolean oneFactPerVictim() {
        return this == VICTIMS_REGISTERED;
    }

    public Set<Dimension> dimensions() {
        return dimensions;
    }

    /** The SQL of this figure's facts, before any period or area applies. */
    String facts() {
        return facts;
    }

}
