package kz.qorgau.protection;

/** Derived from the dates of an order on a given day, never stored. */
public enum OrderStatus {
    ACTIVE,
    EXPIRED,
    REVOKED;

    /** Only an order in force can be revoked. */
    public boolean allowsRevocation() {
        return this == ACTIVE;
    }
}
