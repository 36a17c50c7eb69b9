package kz.qorgau.trafficking;

/** Whether a person is a victim of trafficking, as the deciding body found. */
public enum IdentificationStatus {
    POSSIBLE_VICTIM,
    VICTIM,
    NOT_A_VICTIM
}
