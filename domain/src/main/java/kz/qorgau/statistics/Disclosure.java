package kz.qorgau.statistics;

/** How one figure of a table shared outside the organisation is shown, so that no victim can be recognised. */
public enum Disclosure {

    /** The count itself is published (counts of 5 or more, and true zeros). */
    SHOWN,

    /** A count of 1 to 4, published as "<5". */
    SMALL,

    /**
     * A count of 5 or more hidden, published as "×", only so that no small count can be worked out from the
     * totals of the table. Never a zero: a hidden zero would say nothing a reader could not learn elsewhere.
     */
    COMPLEMENTARY;

    public boolean suppressed() {
        return this != SHOWN;
    }

    /** The text a page, an export or the API shows for a count in this state. */
    public String text(long count) {
        return switch (this) {
            case SHOWN -> Long.toString(count);
            case SMALL -> "<5";
            case COMPLEMENTARY -> "×";
        };
    }
}
