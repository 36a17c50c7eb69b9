package kz.qorgau.referral;

/**
 * Why a provider declined a referral. Codes, not free text: a typed explanation could carry a victim's personal data
 * into lists and statistics that must not hold it.
 */
public enum DeclineReason {
    NO_CAPACITY,
    NOT_IN_MANDATE,
    CLIENT_UNREACHABLE,
    OTHER
}
