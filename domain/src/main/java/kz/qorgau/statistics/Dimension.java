package kz.qorgau.statistics;

import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.Sex;
import kz.qorgau.mandate.Requirement;
import kz.qorgau.protection.ViolationConsequence;
import kz.qorgau.referral.ReferralStatus;
import kz.qorgau.referral.SpecialSocialService;
import kz.qorgau.trafficking.ExploitationType;
import kz.qorgau.trafficking.IdentificationStatus;
import kz.qorgau.trafficking.MeansOfControl;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a figure can be broken down by. Each dimension reads one column of a figure's facts (see {@link Figure}); a
 * victim-level dimension (sex, age, citizenship) describes the victim as she was on the date that put her into the
 * figure, so that she falls into one cell only. An array column (violence types, legal articles) puts a record into
 * every cell it names: such rows may add up to more than the total.
 */
public enum Dimension {
    REGION("region_code", false, false),
    ORGANISATION("organisation_code", false, false),
    SEX("sex", true, false, names(Sex.values())),
    AGE_GROUP(null, true, false, AgeGroup.keys()),
    CITIZENSHIP(null, true, false, List.of("CITIZEN", "FOREIGN", "UNKNOWN")),
    CASE_KIND("kind", false, false, names(CaseKind.values())),
    GBV_TYPE("gbv_types", false, true, withNone(GbvType.values())),
    EXPLOITATION_TYPE("exploitation_types", false, true, withNone(ExploitationType.values())),
    LEGAL_ARTICLE("legal_articles", false, true),
    SERVICE_TYPE("service_type", false, false, names(SpecialSocialService.values())),
    VIOLATION_CONSEQUENCE("consequence", false, false, names(ViolationConsequence.values())),
    REQUIREMENT("requirements", false, true, Stream.concat(Arrays.stream(Requirement.values()).map(Enum::name),
            Stream.of(Figure.POLICE_REPORTS, Figure.EVICTION, Figure.PSYCHOCORRECTION)).toList()),
    REFERRAL_OUTCOME("outcome", false, false, names(ReferralStatus.values())),
    IDENTIFICATION_STATUS("identification_status", false, false, List.of(IdentificationStatus.POSSIBLE_VICTIM.name(),
            IdentificationStatus.VICTIM.name())),
    MEANS_OF_CONTROL("means_of_control", false, true, withNone(MeansOfControl.values())),
    COUNTRY_OF_EXPLOITATION("country_of_exploitation", false, false);

    /** The cell of a record without any value in an array dimension (a case without an incident, say). */
    public static final String NONE = "NONE";

    private final String column;
    private final boolean victimLevel;
    private final boolean array;
    private final List<String> values;

    Dimension(String column, boolean victimLevel, boolean array) {
        this(column, victimLevel, array, List.of());
    }

    Dimension(String column, boolean victimLevel, boolean array, List<String> values) {
        this.column = column;
        this.victimLevel = victimLevel;
        this.array = array;
        this.values = values;
    }

    /** Describes the victim (one value per victim), rather than a record. */
    public boolean victimLevel() {
        return victimLevel;
    }

    /** A record may carry several values. */
    public boolean array() {
        return array;
    }

    /** Every value in display order, so that empty cells show as 0; empty where only the values found are shown. */
    public List<String> keys() {
        return values;
    }

    /**
     * SQL of this dimension's value over a row aliased {@code x} that has the facts' columns; {@code at} is the SQL
     * of the date the age is taken on. Array dimensions are unnested by the caller.
     */
    String expression(String x, String at) {
        return switch (this) {
            case AGE_GROUP -> AgeGroup.sql(x + ".born_on", at);
            case CITIZENSHIP -> "case when " + x + ".citizenship is null then 'UNKNOWN' when " + x
                    + ".citizenship = 'KZ' then 'CITIZEN' else 'FOREIGN' end";
            default -> array ? "coalesce(" + x + "." + column + "[1], '" + NONE + "')" : "coalesce(" + x + "." + column + "::text, '" + NONE + "')";
        };
    }

    /** The columns of the facts this dimension reads. */
    List<String> columns() {
        return switch (this) {
            case AGE_GROUP -> List.of("born_on", "fact_on");
            case CITIZENSHIP -> List.of("citizenship");
            default -> List.of(column);
        };
    }

    String arrayColumn(String x) {
        return x + "." + column;
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }

    private static List<String> withNone(Enum<?>[] constants) {
        return Stream.concat(Arrays.stream(constants).map(Enum::name), Stream.of(NONE)).toList();
    }
}
