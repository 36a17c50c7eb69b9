package kz.qorgau.referral;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.LegalTerms;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A case worker's request that another organisation provide one of the special social services to the victim of a
 * case: proposed, sent once the victim has consented to disclosure, then accepted or declined by the provider, who
 * records the services delivered until the referral is completed. Until it is declined or completed, it can be
 * cancelled.
 * <p>
 * The case file is held by id only: it is another aggregate, and a provider must never reach it through its
 * referrals. Deliveries change only through this root.
 */
@Entity
@Table(name = "service_referral")
public class ServiceReferral {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_file_id", updatable = false)
    private Long caseFileId;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_type", updatable = false)
    private SpecialSocialService service;

    @Column(name = "from_organisation_code", updatable = false)
    private String fromOrganisationCode;

    @Column(name = "to_organisation_code", updatable = false)
    private String toOrganisationCode;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    private ReferralStatus status;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "sent_by")
    private String sentBy;

    /** When the provider accepted or declined. */
    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "answered_by")
    private String answeredBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    private DeclineReason declineReason;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "started_by")
    private String startedBy;

    /** When the referral was completed or cancelled. */
    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @OneToMany(mappedBy = "referral", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("deliveredOn")
    private List<ServiceDelivery> deliveries = new ArrayList<>();

    @Version
    private long version;

    protected ServiceReferral() {
    }

    private ServiceReferral(Long caseFileId, SpecialSocialService service, String fromOrganisationCode,
                            String toOrganisationCode, String createdBy, Instant now) {
        this.caseFileId = Objects.requireNonNull(caseFileId, "caseFileId");
        this.service = Objects.requireNonNull(service, "service");
        this.fromOrganisationCode = Objects.requireNonNull(fromOrganisationCode, "fromOrganisationCode");
        this.toOrganisationCode = Objects.requireNonNull(toOrganisationCode, "toOrganisationCode");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(now, "now");
        this.status = ReferralStatus.PROPOSED;
    }

    /**
     * A new referral of a case, not yet sent: nothing leaves the referring organisation until {@link #send} has
     * checked the victim's consent.
     */
    public static ServiceReferral propose(Long caseFileId, SpecialSocialService service, String fromOrganisationCode,
                                          String toOrganisationCode, String createdBy, Instant now) {
        if (Objects.requireNonNull(fromOrganisationCode, "fromOrganisationCode").equals(toOrganisationCode)) {
            throw new InvalidInputException("referral.selfReferral");
        }
        return new ServiceReferral(caseFileId, service, fromOrganisationCode, toOrganisationCode, createdBy, now);
    }

    /**
     * Sends the referral to the provider, which from now on sees it. The case file owns the consent; the caller
     * passes whether disclosure to other organisations is consented to today, so a withdrawn consent stops it.
     */
    public void send(String by, Instant at, boolean disclosureConsentGiven) {
        requireWhoAndWhen(by, at);
        requireTransitionTo(ReferralStatus.SENT);
        if (!disclosureConsentGiven) {
            throw new InvalidInputException("referral.consent.disclosureMissing");
        }
        sentBy = by;
        sentAt = at;
        status = ReferralStatus.SENT;
    }

    public void accept(String by, String byOrganisationCode, Instant at) {
        requireWhoAndWhen(by, at);
        requireProvider(byOrganisationCode);
        requireTransitionTo(ReferralStatus.ACCEPTED);
        answer(by, at);
        status = ReferralStatus.ACCEPTED;
    }

    public void decline(DeclineReason reason, String by, String byOrganisationCode, Instant at) {
        if (reason == null) {
            throw new InvalidInputException("referral.decline.reasonRequired");
        }
        requireWhoAndWhen(by, at);
        requireProvider(byOrganisationCode);
        requireTransitionTo(ReferralStatus.DECLINED);
        answer(by, at);
        declineReason = reason;
        status = ReferralStatus.DECLINED;
    }

    private void answer(String by, Instant at) {
        answeredBy = by;
        answeredAt = at;
    }

    /** The provider begins work; recording the first delivery does the same. */
    public void start(String by, String byOrganisationCode, Instant at) {
        requireWhoAndWhen(by, at);
        requireProvider(byOrganisationCode);
        requireTransitionTo(ReferralStatus.IN_PROGRESS);
        begin(by, at);
    }

    private void begin(String by, Instant at) {
        startedBy = by;
        startedAt = at;
        status = ReferralStatus.IN_PROGRESS;
    }

    public void complete(String by, String byOrganisationCode, Instant at) {
        requireWhoAndWhen(by, at);
        requireProvider(byOrganisationCode);
        requireTransitionTo(ReferralStatus.COMPLETED);
        close(by, at);
        status = ReferralStatus.COMPLETED;
    }

    /**
     * Withdraws the referral. Who may do so is the service's decision (the case's owner may change after the referral
     * was made), so no organisation is checked here.
     */
    public void cancel(String by, Instant at) {
        requireWhoAndWhen(by, at);
        requireTransitionTo(ReferralStatus.CANCELLED);
        close(by, at);
        status = ReferralStatus.CANCELLED;
    }

    private void close(String by, Instant at) {
        closedBy = by;
        closedAt = at;
    }

    /**
     * The provider records a service given to the victim. Only while the referral is accepted or in progress; the
     * first delivery on an accepted referral puts it in progress. Dates are days in Kazakhstan: not after
     * {@code today}, not before the day the referral was accepted.
     */
    public ServiceDelivery recordDelivery(LocalDate deliveredOn, BigDecimal hours, String by, String byOrganisationCode,
                                          LocalDate today, Instant now) {
        Objects.requireNonNull(deliveredOn, "deliveredOn");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(today, "today");
        requireWhoAndWhen(by, now);
        requireProvider(byOrganisationCode);
        if (!status.allowsDelivery()) {
            throw new InvalidInputException("referral.delivery.notAllowed");
        }
        List<String> refusals = deliveryRefusals(deliveredOn, hours, answeredAt.atZone(Clocks.KAZAKHSTAN).toLocalDate(), today);
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals);
        }
        if (status == ReferralStatus.ACCEPTED) {
            begin(by, now);
        }
        ServiceDelivery delivery = new ServiceDelivery(this, deliveredOn, hours, byOrganisationCode, by, now);
        deliveries.add(delivery);
        return delivery;
    }

    /** What {@link #recordDelivery} refuses in a delivery's day and hours, as message keys. */
    public static List<String> deliveryRefusals(LocalDate deliveredOn, BigDecimal hours, LocalDate acceptedOn,
                                                LocalDate today) {
        List<String> refusals = new ArrayList<>();
        if (hours.signum() <= 0 || hours.compareTo(ServiceDelivery.MAX_HOURS) > 0) {
            refusals.add("referral.delivery.hours.outOfRange");
        }
        // refused rather than rounded: 0.004 hours would round to nothing
        if (hours.stripTrailingZeros().scale() > ServiceDelivery.HOURS_SCALE) {
            refusals.add("referral.delivery.hours.tooPrecise");
        }
        if (deliveredOn.isAfter(today)) {
            refusals.add("referral.delivery.date.future");
        }
        if (deliveredOn.isBefore(acceptedOn)) {
            refusals.add("referral.delivery.date.beforeAcceptance");
        }
        return refusals;
    }

    /**
     * A referral of an organisation's older records that is over: sent on {@code sentOn} with the victim's consent to
     * disclosure given on {@code consentOn} (that day or before), accepted that day (old records rarely say when), the service delivered on {@code deliveredOn} for
     * {@code hours}, and completed that day. Everyone who acted is {@code recordedBy}, the person who entered it. It
     * goes through the same states and rules as a referral worked in Qorgau, so its refusals are those of
     * {@link #propose}, {@link #send} and {@link #recordDelivery}.
     */
    public static ServiceReferral fromRecords(Long caseFileId, SpecialSocialService service, String fromOrganisationCode,
                                              String toOrganisationCode, String recordedBy, LocalDate consentOn,
                                              LocalDate sentOn, LocalDate deliveredOn, BigDecimal hours,
                                              LocalDate today, Instant now) {
        Instant sent = sentOn.atStartOfDay(Clocks.KAZAKHSTAN).toInstant();
        Instant delivered = deliveredOn.atStartOfDay(Clocks.KAZAKHSTAN).toInstant();
        ServiceReferral referral = propose(caseFileId, service, fromOrganisationCode, toOrganisationCode, recordedBy, sent);
        referral.send(recordedBy, sent, consentOn != null && !consentOn.isAfter(sentOn));
        referral.accept(recordedBy, toOrganisationCode, sent);
        referral.recordDelivery(deliveredOn, hours, recordedBy, toOrganisationCode, today, now);
        referral.startedAt = delivered;
        referral.complete(recordedBy, toOrganisationCode, delivered);
        return referral;
    }

    /**
     * Sent and still not answered after the days the law gives a provider, counted in whole days after the day it was
     * sent under the terms in force that day: sent on the 1st with three days to answer, it is overdue from the 5th.
     */
    public boolean isUnanswered(LocalDate today) {
        return unanswered(status, sentAt().orElse(null), today);
    }

    /** The same rule for a referral read as columns: sent, and its days to answer ran out. */
    public static boolean unanswered(ReferralStatus status, Instant sentAt, LocalDate today) {
        return status == ReferralStatus.SENT && answerDueOn(sentAt).map(today::isAfter).orElse(false);
    }

    /** The last day the provider has to answer; empty until the referral is sent. */
    public Optional<LocalDate> answerDueOn() {
        return answerDueOn(sentAt().orElse(null));
    }

    /** The same rule for a referral read as columns, by a list: the terms of the law on the day it was sent. */
    public static Optional<LocalDate> answerDueOn(Instant sentAt) {
        return Optional.ofNullable(sentAt).map(at -> at.atZone(Clocks.KAZAKHSTAN).toLocalDate())
                .map(day -> day.plusDays(LegalTerms.on(day).referralAnswerDays()));
    }

    public BigDecimal totalHours() {
        return deliveries.stream().map(ServiceDelivery::hours)
                .reduce(BigDecimal.ZERO.setScale(ServiceDelivery.HOURS_SCALE), BigDecimal::add);
    }

    // checked before anything else, so that a refused call leaves no half-recorded step
    private static void requireWhoAndWhen(String by, Instant at) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }

    private void requireProvider(String organisationCode) {
        if (!toOrganisationCode.equals(organisationCode)) {
            throw new InvalidInputException("referral.notAddressedToYou");
        }
    }

    private void requireTransitionTo(ReferralStatus next) {
        if (!status.mayBecome(next)) {
            throw new InvalidInputException("referral.transition.notAllowed");
        }
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

    public SpecialSocialService service() {
        return service;
    }

    public String fromOrganisationCode() {
        return fromOrganisationCode;
    }

    public String toOrganisationCode() {
        return toOrganisationCode;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ReferralStatus status() {
        return status;
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Optional<String> sentBy() {
        return Optional.ofNullable(sentBy);
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    public Optional<String> answeredBy() {
        return Optional.ofNullable(answeredBy);
    }

    /** Present only on a declined referral. */
    public Optional<DeclineReason> declineReason() {
        return Optional.ofNullable(declineReason);
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<String> startedBy() {
        return Optional.ofNullable(startedBy);
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public Optional<String> closedBy() {
        return Optional.ofNullable(closedBy);
    }

    public List<ServiceDelivery> deliveries() {
        return Collections.unmodifiableList(deliveries);
    }
}
