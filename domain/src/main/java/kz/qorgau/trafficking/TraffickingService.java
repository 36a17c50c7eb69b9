package kz.qorgau.trafficking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.audit.Audited;
import kz.qorgau.casefile.CaseFile;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.ConcurrentChangeException;
import kz.qorgau.shared.persistence.Writes;
import kz.qorgau.timeline.CaseEventKind;
import kz.qorgau.timeline.Timeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** Preliminary identification of trafficking victims by police, recorded on the case under HTCDS names. */
@ApplicationScoped
@Transactional
@Audited
public class TraffickingService {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    CaseWorkService work;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    public Optional<TraffickingIdentification> of(Caller caller, String caseNumber) {
        CaseFile file = work.readable(caller, caseNumber);
        return find(file.id());
    }

    /**
     * {@code version} is the identification's version as seen, or -1 when there was none (checked here and again by
     * the version in the UPDATE); returns its new version.
     */
    public long identify(Caller caller, String caseNumber, long version, IdentificationStatus status, LocalDate decidedOn,
                         Set<ExploitationType> exploitation, Set<MeansOfControl> control, String countryOfRecruitment,
                         String countryOfExploitation, RecruitmentType recruitment) {
        CaseFile file = work.accessed(caller, caseNumber, kz.qorgau.access.CaseAction.IDENTIFY_TRAFFICKING).file();
        file.requireNotClosed();
        TraffickingIdentification identification = find(file.id()).orElse(null);
        if (identification == null ? version != -1 : identification.version() != version) {
            throw new ConcurrentChangeException();
        }
        boolean first = identification == null;
        if (first) {
            identification = new TraffickingIdentification(file.id());
        }
        identification.decide(status, caller.organisationCode().orElse(null), decidedOn, exploitation, control,
                countryOfRecruitment, countryOfExploitation, recruitment, caller.username(), LocalDate.now(clock), now());
        if (first) {
            em.persist(identification);
        }
        timeline.record(file.id(), CaseEventKind.TRAFFICKING_IDENTIFIED, caller, status.name(), now());
        Writes.flush(em);
        return identification.version();
    }

    /** The identification of a case opened for its page, its two lists in the same statement. */
    public Optional<IdentificationView> view(kz.qorgau.casefile.CaseWorkService.Accessed accessed) {
        return em.createQuery("select distinct t from TraffickingIdentification t left join fetch t.typesOfExploitation"
                        + " left join fetch t.meansOfControl where t.caseFileId = :id", TraffickingIdentification.class)
                .setParameter("id", accessed.file().id()).getResultStream().findFirst().map(IdentificationView::of);
    }

    private Optional<TraffickingIdentification> find(Long caseFileId) {
        return em.createQuery("select t from TraffickingIdentification t where t.caseFileId = :id", TraffickingIdentification.class)
                .setParameter("id", caseFileId).getResultStream().findFirst();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
