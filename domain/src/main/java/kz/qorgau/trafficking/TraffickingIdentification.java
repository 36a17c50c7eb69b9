package kz.qorgau.trafficking;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.qorgau.shared.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The decision whether a person is a trafficking victim: status, the deciding body (police make the preliminary
 * identification under the 2024 referral rules) and date, and what HTCDS records of the exploitation. One per case;
 * a later decision replaces an earlier one and both stay in the timeline.
 */
@Entity
@Table(name = "trafficking_identification")
public class TraffickingIdentification {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_file_id")
    private Long caseFileId;

    @Enumerated(EnumType.STRING)
    private IdentificationStatus status;

    @Column(name = "deciding_organisation_code")
    private String decidingOrganisationCode;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "trafficking_exploitation", joinColumns = @JoinColumn(name = "identification_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "exploitation_type")
    private Set<ExploitationType> typesOfExploitation = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "trafficking_means_of_control", joinColumns = @JoinColumn(name = "identification_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "means_of_control")
    private Set<MeansOfControl> meansOfControl = new HashSet<>();

    @Column(name = "country_of_recruitment")
    private String countryOfRecruitment;

    @Column(name = "country_of_exploitation")
    private String countryOfExploitation;

    @Enumerated(EnumType.STRING)
    @Column(name = "recruitment_type")
    private RecruitmentType recruitmentType;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Version
    private long version;

    protected TraffickingIdentification() {
    }

    public TraffickingIdentification(Long caseFileId) {
        this.caseFileId = caseFileId;
    }

    public void decide(IdentificationStatus status, String decidingOrganisationCode, LocalDate decidedOn,
                       Set<ExploitationType> exploitation, Set<MeansOfControl> control,
                       String countryOfRecruitment, String countryOfExploitation, RecruitmentType recruitmentType,
                       String by, LocalDate today, Instant now) {
        List<String> refusals = new ArrayList<>();
        if (status == null) {
            refusals.add("trafficking.status.required");
        }
        if (decidingOrganisationCode == null || decidingOrganisationCode.isBlank()) {
            refusals.add("trafficking.decidingBody.required");
        }
        if (decidedOn == null || decidedOn.isAfter(today)) {
            refusals.add("trafficking.decidedOn.outOfRange");
        }
        if (status != null && status != IdentificationStatus.NOT_A_VICTIM && (exploitation == null || exploitation.isEmpty())) {
            refusals.add("trafficking.exploitation.required");
        }
        String recruitment = country(countryOfRecruitment, refusals);
        String exploitationCountry = country(countryOfExploitation, refusals);
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals.stream().distinct().toList());
        }
        this.status = status;
        this.decidingOrganisationCode = decidingOrganisationCode;
        this.decidedOn = decidedOn;
        this.typesOfExploitation = exploitation == null || exploitation.isEmpty() ? new HashSet<>() : EnumSet.copyOf(exploitation);
        this.meansOfControl = control == null || control.isEmpty() ? new HashSet<>() : EnumSet.copyOf(control);
        this.countryOfRecruitment = recruitment;
        this.countryOfExploitation = exploitationCountry;
        this.recruitmentType = recruitmentType;
        this.recordedBy = by;
        this.recordedAt = now;
    }

    private static String country(String code, List<String> refusals) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            refusals.add("person.citizenship.unknown");
        }
        return upper;
    }

    public long version() {
        return version;
    }

    public java.util.Optional<String> countryOfRecruitment() {
        return java.util.Optional.ofNullable(countryOfRecruitment);
    }

    public java.util.Optional<String> countryOfExploitation() {
        return java.util.Optional.ofNullable(countryOfExploitation);
    }

    public java.util.Optional<RecruitmentType> recruitmentType() {
        return java.util.Optional.ofNullable(recruitmentType);
    }

    public Long caseFileId() {
        return caseFileId;
    }

    public IdentificationStatus status() {
        return status;
    }

    public String decidingOrganisationCode() {
        return decidingOrganisationCode;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public Set<ExploitationType> typesOfExploitation() {
        return Set.copyOf(typesOfExploitation);
    }

    public Set<MeansOfControl> meansOfControl() {
        return Set.copyOf(meansOfControl);
    }
}
