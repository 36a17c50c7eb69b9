package kz.qorgau.protection;

/** What a protective order forbids the perpetrator to do against the victim's will. */
public enum Prohibition {
    NO_VIOLENCE,
    NO_SEEKING_OR_HARASSING,
    NO_VISITING,
    NO_CONTACT_BY_PHONE_OR_ONLINE,
    NO_OTHER_CONTACT
}
