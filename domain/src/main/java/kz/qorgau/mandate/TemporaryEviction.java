package kz.qorgau.mandate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Temporary eviction of the offender from the shared home to a Centre of Social Adaptation, for days inside the
 * mandate period (both dates inclusive). A value: a changed eviction is a new one.
 */
@Embeddable
public class TemporaryEviction {

    @Column(name = "eviction_place_code", updatable = false)
    private String placeCode;

    @Column(name = "eviction_from", updatable = false)
    private LocalDate from;

    @Column(name = "eviction_to", updatable = false)
    private LocalDate to;

    protected TemporaryEviction() {
    }

    public TemporaryEviction(String placeCode, LocalDate from, LocalDate to) {
        Objects.requireNonNull(placeCode, "placeCode");
        if (placeCode.isBlank()) {
            throw new IllegalArgumentException("placeCode is required");
        }
        this.placeCode = placeCode.strip();
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    /** Organisation code of the Centre of Social Adaptation. */
    public String placeCode() {
        return placeCode;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemporaryEviction other && placeCode.equals(other.placeCode) && from.equals(other.from)
                && to.equals(other.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(placeCode, from, to);
    }
}
