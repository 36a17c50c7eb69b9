package kz.qorgau.protection;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.LegalTerms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A police protective order (защитное предписание): a police unit forbids a perpetrator aged 16 or more to commit
 * violence against the victim, to seek, visit or contact her against her will. It runs for a term fixed by the law in
 * force on the day of issue; that term is stored at issue, so a later amendment never changes an order already issued.
 * Violations and revocation change the order only through this root. Its status is derived from the dates.
 */
@Entity
@Table(name = "protective_order")
public class ProtectiveOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // By id: the order belongs to the protection side and is read by police without loading the case file.
    @Column(name = "case_file_id", updatable = false)
    private Long caseFileId;

    @Column(name = "issuing_unit_code", updatable = false)
    private String issuingUnitCode;

    @Column(name = "issuing_officer", updatable = false)
    private String issuingOfficer;

    @Column(name = "order_number", updatable = false)
    private String orderNumber;

    @Column(name = "issue_date", updatable = false)
    private LocalDate issueDate;

    /** Last day the order is in force, inclusive. */
    @Column(name = "valid_until", updatable = false)
    private LocalDate validUntil;

    @Column(name = "perpetrator_family_name", updatable = false)
    private String perpetratorFamilyName;

    @Column(name = "perpetrator_given_name", updatable = false)
    private String perpetratorGivenName;

    @Column(name = "perpetrator_patronymic", updatable = false)
    private String perpetratorPatronymic;

    @Column(name = "perpetrator_birth_date", updatable = false)
    private LocalDate perpetratorBirthDate;

    @ElementCollection
    @CollectionTable(name = "protective_order_prohibition", joinColumns = @JoinColumn(name = "protective_order_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "prohibition")
    private Set<Prohibition> prohibitions = new HashSet<>();

    @Column(name = "revoked_on")
    private LocalDate revokedOn;

    @Column(name = "revocation_reason")
    private String revocationReason;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "recorded_at", updatable = false)
    private Instant recordedAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("occurredOn")
    private List<Violation> violations = new ArrayList<>();

    @Version
    private long version;

    protected ProtectiveOrder() {
    }

    private ProtectiveOrder(Long caseFileId, String issuingUnitCode, String issuingOfficer, String orderNumber,
                            LocalDate issueDate, LocalDate validUntil, Perpetrator perpetrator,
                            Set<Prohibition> prohibitions, Instant now) {
        this.caseFileId = caseFileId;
        this.issuingUnitCode = issuingUnitCode;
        this.issuingOfficer = issuingOfficer;
        this.orderNumber = orderNumber;
        this.issueDate = issueDate;
        this.validUntil = validUntil;
        this.perpetratorFamilyName = perpetrator.familyName();
        this.perpetratorGivenName = perpetrator.givenName();
        this.perpetratorPatronymic = perpetrator.patronymic();
        this.perpetratorBirthDate = perpetrator.birthDate();
        this.prohibitions.addAll(prohibitions);
        this.recordedAt = now;
    }

    /**
     * Issue: an order of a police unit, signed by one of its officers, to a perpetrator who has reached the minimum
     * age on the day of issue. The order is in force for the validity of the law on the issue date counted in calendar
     * days including the day of issue: under the 2024 terms, issued on 1 March it is in force through 30 March.
     * Dates are checked against {@code today} (in Kazakhstan).
     */
    public static ProtectiveOrder issue(Long caseFileId, String issuingUnitCode, String issuingOfficer, String orderNumber,
                                        LocalDate issueDate, Perpetrator perpetrator, Set<Prohibition> prohibitions,
                                        LocalDate today, Instant now) {
        Objects.requireNonNull(caseFileId, "caseFileId");
        String unit = requireText(issuingUnitCode, "issuingUnitCode");
        String officer = requireText(issuingOfficer, "issuingOfficer");
        String number = requireText(orderNumber, "orderNumber");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(perpetrator, "perpetrator");
        Objects.requireNonNull(prohibitions, "prohibitions");
        List<String> refusals = refusals(issueDate, perpetrator.birthDate(), prohibitions, today);
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals);
        }
        LocalDate validUntil = issueDate.plus(LegalTerms.on(issueDate).protectiveOrderValidity()).minusDays(1);
        return new ProtectiveOrder(caseFileId, unit, officer, number, issueDate, validUntil, perpetrator, prohibitions,
                now);
    }

    /**
     * What {@link #issue} refuses in an order's dates and prohibitions, as message keys; also asked of an order read
     * from old records before anything is written.
     */
    public static List<String> refusals(LocalDate issueDate, LocalDate perpetratorBirthDate, Set<Prohibition> prohibitions,
                                        LocalDate today) {
        List<String> refusals = new ArrayList<>();
        if (issueDate.isAfter(today)) {
            refusals.add("order.issueDate.future");
        }
        if (ageOn(perpetratorBirthDate, issueDate) < LegalTerms.on(issueDate).protectiveOrderMinimumAge()) {
            refusals.add("order.perpetrator.tooYoung");
        }
        if (prohibitions.isEmpty()) {
            refusals.add("order.prohibitions.required");
        }
        return refusals;
    }

    /** Completed years; someone born on 29 February completes a year on 1 March in a common year. */
    private static int ageOn(LocalDate birthDate, LocalDate day) {
        return birthDate.isAfter(day) ? -1 : Period.between(birthDate, day).getYears();
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    /**
     * A violation of the order and what followed it. It must have happened while the order was in force: from the
     * day of issue through the last valid day, and not after a revocation (the day of revocation itself still counts).
     * Arrest days are given for an administrative arrest only, within the maximum of the law on the day of the
     * violation, since that is the law the arrest is imposed under.
     */
    public Violation recordViolation(LocalDate occurredOn, ViolationConsequence consequence, Integer arrestDays,
                                     String recordedBy, LocalDate today, Instant now) {
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(consequence, "consequence");
        String recorder = requireText(recordedBy, "recordedBy");
        List<String> refusals = new ArrayList<>();
        if (occurredOn.isAfter(today)) {
            refusals.add("order.violation.date.future");
        }
        if (occurredOn.isBefore(issueDate) || occurredOn.isAfter(validUntil)) {
            refusals.add("order.violation.date.outsideValidity");
        } else if (revokedOn != null && occurredOn.isAfter(revokedOn)) {
            refusals.add("order.violation.date.afterRevocation");
        }
        if (consequence == ViolationConsequence.ADMINISTRATIVE_ARREST) {
            if (arrestDays == null) {
                refusals.add("order.violation.arrestDays.required");
            } else if (arrestDays < 1 || arrestDays > LegalTerms.on(occurredOn).administrativeArrestMaxDays()) {
                refusals.add("order.violation.arrestDays.outOfRange");
            }
        } else if (arrestDays != null) {
            refusals.add("order.violation.arrestDays.notApplicable");
        }
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals);
        }
        Violation violation = new Violation(this, occurredOn, consequence, arrestDays, recorder, now);
        violations.add(violation);
        violations.sort(Comparator.comparing(Violation::occurredOn));
        return violation;
    }

    /**
     * Ends the order early. It must still have been in force on the day of revocation, which may be recorded later
     * than it happened but not dated in the future, before the issue or before a violation already recorded.
     */
    public void revoke(LocalDate revokedOn, String reason, String revokedBy, LocalDate today) {
        Objects.requireNonNull(revokedOn, "revokedOn");
        String why = requireText(reason, "reason");
        String by = requireText(revokedBy, "revokedBy");
        if (this.revokedOn != null) {
            throw new InvalidInputException("order.revocation.alreadyRevoked");
        }
        List<String> refusals = new ArrayList<>();
        if (revokedOn.isAfter(today)) {
            refusals.add("order.revocation.date.future");
        }
        if (revokedOn.isBefore(issueDate)) {
            refusals.add("order.revocation.date.beforeIssue");
        }
        if (revokedOn.isAfter(validUntil)) {
            refusals.add("order.revocation.expired");
        }
        if (violations.stream().anyMatch(v -> v.occurredOn().isAfter(revokedOn))) {
            refusals.add("order.revocation.date.beforeViolation");
        }
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals);
        }
        this.revocationReason = why;
        this.revokedBy = by;
        this.revokedOn = revokedOn;
    }

    /** Revoked from the day of revocation on; otherwise in force through {@link #validUntil()}, expired after it. */
    public OrderStatus status(LocalDate today) {
        return OrderStatus.on(today, validUntil, revokedOn);
    }

    /** In force today and ending within the next {@code days} days (0: ends today) — a deadline to act on. */
    public boolean expiresWithin(int days, LocalDate today) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        return status(today) == OrderStatus.ACTIVE && !validUntil.isAfter(today.plusDays(days));
    }

    public long version() {
        return version;
    }

    public Long id() {
        return id;
    }

    public Long caseFileId() {
        return caseFileId;
    }

    public String issuingUnitCode() {
        return issuingUnitCode;
    }

    public String issuingOfficer() {
        return issuingOfficer;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    /** Last day the order is in force, inclusive; as computed at issue. */
    public LocalDate validUntil() {
        return validUntil;
    }

    public Perpetrator perpetrator() {
        return new Perpetrator(perpetratorFamilyName, perpetratorGivenName, perpetratorPatronymic, perpetratorBirthDate);
    }

    public Set<Prohibition> prohibitions() {
        return prohibitions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(prohibitions));
    }

    public Optional<LocalDate> revokedOn() {
        return Optional.ofNullable(revokedOn);
    }

    public Optional<String> revocationReason() {
        return Optional.ofNullable(revocationReason);
    }

    public Optional<String> revokedBy() {
        return Optional.ofNullable(revokedBy);
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public List<Violation> violations() {
        return Collections.unmodifiableList(violations);
    }
}
