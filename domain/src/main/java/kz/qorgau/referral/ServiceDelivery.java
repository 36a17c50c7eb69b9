package kz.qorgau.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A service given on one day under a referral, in hours. Part of the referral aggregate, recorded through
 * {@link ServiceReferral#recordDelivery} and never changed. The victims assisted in a year are counted from these.
 */
@Entity
@Table(name = "service_delivery")
public class ServiceDelivery {

    /** One delivery is one day's work at most. */
    static final BigDecimal MAX_HOURS = new BigDecimal("24");

    static final int HOURS_SCALE = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "referral_id")
    private ServiceReferral referral;

    @Column(name = "delivered_on")
    private LocalDate deliveredOn;

    @Column(name = "hours", precision = 4, scale = HOURS_SCALE)
    private BigDecimal hours;

    @Column(name = "provider_organisation_code")
    private String providerOrganisationCode;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected ServiceDelivery() {
    }

    ServiceDelivery(ServiceReferral referral, LocalDate deliveredOn, BigDecimal hours, String providerOrganisationCode,
                    String recordedBy, Instant recordedAt) {
        this.referral = referral;
        this.deliveredOn = Objects.requireNonNull(deliveredOn, "deliveredOn");
        // exact: the referral has refused anything finer than hundredths
        this.hours = hours.setScale(HOURS_SCALE);
        this.providerOrganisationCode = Objects.requireNonNull(providerOrganisationCode, "providerOrganisationCode");
        this.recordedBy = Objects.requireNonNull(recordedBy, "recordedBy");
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public Long id() {
        return id;
    }

    public LocalDate deliveredOn() {
        return deliveredOn;
    }

    public BigDecimal hours() {
        return hours;
    }

    public String providerOrganisationCode() {
        return providerOrganisationCode;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
