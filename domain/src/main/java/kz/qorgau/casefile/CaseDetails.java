package kz.qorgau.casefile;

import kz.qorgau.access.CaseAccess;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as a page shows it, read in one transaction; {@code version} goes back with every change. {@code access} is
 * the access policy's answer of what the reader may do with it: pages and the API show it, they never work it out.
 */
public record CaseDetails(Long id, String number, CaseKind kind, CaseStatus status, String regionCode,
                          String organisationCode, String ownerUsername, String assignedTo, Instant openedAt, RiskLevel riskLevel,
                          String closureComment, long version,
                          PersonView victim, List<IncidentView> incidents, List<RiskView> risks,
                          List<ConsentView> consents, List<PartyView> relatedPersons, CaseAccess access)
        implements java.io.Serializable {

    /**
     * What police and courts see: no risk assessments, no consents, no closure comment, and not who works on the case
     * beside its owner (the timeline does not tell them of assignments either).
     */
    public CaseDetails withoutSocialWork() {
        return new CaseDetails(id, number, kind, status, regionCode, organisationCode, ownerUsername, null, openedAt,
                null, null, version, victim, incidents, List.of(), List.of(), relatedPersons, access);
    }

    public boolean closed() {
        return status == CaseStatus.CLOSED;
    }

    public record PersonView(String familyName, String givenName, String patronymic, String latinName, Sex sex,
                             LocalDate birthDate, Integer age, String citizenship, String iin, boolean foreign) implements java.io.Serializable {
    }

    public record IncidentView(LocalDate occurredOn, GbvType type, IncidentContext context, String regionCode,
                               String settlement, String legalArticleCode, String perpetratorName,
                               Relationship relationship, LocalDate reportedToPoliceOn) implements java.io.Serializable {
    }

    public record PartyView(String name, Sex sex, Integer age, PartyRelation relation, boolean dependent) implements java.io.Serializable {
    }

    public record RiskView(RiskLevel level, LocalDate assessedOn, String assessedBy) implements java.io.Serializable {
    }

    public record ConsentView(ConsentScope scope, LocalDate givenOn, LocalDate withdrawnOn) implements java.io.Serializable {
    }

    static CaseDetails of(CaseFile file, LocalDate today, CaseAccess access) {
        return of(file, file.incidents(), file.relatedPersons(), today, access);
    }

    /** From the case and its incidents and parties as read for its page, each with its person in the same statement. */
    static CaseDetails of(CaseFile file, List<Incident> incidentsRead, List<RelatedPerson> partiesRead, LocalDate today,
                          CaseAccess access) {
        Person v = file.victim();
        String latin = v.familyNameLatin().map(f -> f + " " + v.givenNameLatin().orElse("")).orElse(null);
        PersonView victim = new PersonView(v.familyName(), v.givenName(), v.patronymic().orElse(null), latin, v.sex(),
                v.birthDate().orElse(null), v.ageOn(today).orElse(null), v.citizenship().orElse(null),
                v.iin().orElse(null), v.isForeign());
        List<IncidentView> incidents = incidentsRead.stream().map(i -> new IncidentView(i.occurredOn(), i.gbvType(),
                i.context().orElse(null), i.regionCode().orElse(null), i.settlement().orElse(null),
                i.legalArticleCode().orElse(null),
                i.perpetrator().map(p -> p.familyName() + " " + p.givenName()).orElse(null),
                i.relationship().orElse(null), i.reportedToPoliceOn().orElse(null))).toList();
        List<RiskView> risks = file.riskAssessments().stream()
                .sorted(java.util.Comparator.comparing(RiskAssessment::recordedAt))
                .map(r -> new RiskView(r.level(), r.assessedOn(), r.assessedBy())).toList();
        List<ConsentView> consents = file.consents().stream()
                .sorted(java.util.Comparator.comparing(Consent::givenOn).thenComparing(Consent::recordedAt))
                .map(c -> new ConsentView(c.scope(), c.givenOn(), c.withdrawnOn().orElse(null))).toList();
        List<PartyView> parties = partiesRead.stream().map(p -> new PartyView(
                p.person().familyName() + " " + p.person().givenName(), p.person().sex(), p.person().ageOn(today).orElse(null),
                p.relation(), p.dependent())).toList();
        return new CaseDetails(file.id(), file.number().toString(), file.kind(), file.status(), file.regionCode(),
                file.organisationCode(), file.ownerUsername(), file.assignedTo().orElse(null), file.openedAt(),
                file.riskLevel().orElse(null), file.closureComment().orElse(null), file.version(), victim, incidents, risks,
                consents, parties, access);
    }
}
