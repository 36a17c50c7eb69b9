package kz.qorgau.mandate;

/**
 * The prohibitions a court may impose on an offender's behaviour. Reporting to police, eviction and psychocorrection
 * carry details of their own and are held apart on the mandate.
 */
public enum Requirement {
    NO_CONTACT,
    NO_WEAPONS,
    NO_ALCOHOL_OR_DRUGS
}
