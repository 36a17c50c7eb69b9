package kz.qorgau.referral;

/**
 * The eight types of special social services that Kazakh law lists, in the law's order. Stored by name: should the law
 * add a ninth, it is a new constant and a migration of the check constraint, and old referrals keep their type.
 */
public enum SpecialSocialService {
    /** социально-бытовые: shelter, food, clothing, help with daily life */
    SOCIAL_DOMESTIC,
    /** социально-медицинские */
    MEDICAL,
    /** социально-психологические */
    PSYCHOLOGICAL,
    /** социально-педагогические */
    PEDAGOGICAL,
    /** социально-трудовые */
    LABOUR,
    /** социально-культурные */
    CULTURAL,
    /** социально-экономические */
    ECONOMIC,
    /** социально-правовые */
    LEGAL
}
