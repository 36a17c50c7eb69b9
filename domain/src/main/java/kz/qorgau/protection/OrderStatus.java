package kz.qorgau.protection;

/** Derived from the dates of an order on a given day, never stored. */
public enum OrderStatus {
    ACTIVE,
    EXPIRED,
    REVOKED;

    /** Revoked from the day of revocation on; otherwise in force through its last valid day, expired after it. */
    public static OrderStatus on(java.time.LocalDate today, java.time.LocalDate validUntil, java.time.LocalDate revokedOn) {
        if (revokedOn != null && !today.isBefore(revokedOn)) {
            return REVOKED;
        }
        return today.isAfter(validUntil) ? EXPIRED : ACTIVE;
    }

    /** Only an order in force can be revoked. */
    public boolean allowsRevocation() {
        return this == ACTIVE;
    }
}
