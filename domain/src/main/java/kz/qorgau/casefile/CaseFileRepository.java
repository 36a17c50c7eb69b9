package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Case files in PostgreSQL. Lists are projections paged and sorted by the database, never loops over entities. */
@ApplicationScoped
public class CaseFileRepository {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    public void add(CaseFile file) {
        em.persist(file);
    }

    public void add(SafetyPlan plan) {
        em.persist(plan);
    }

    public void add(CourtSubmission submission) {
        em.persist(submission);
    }

    public List<String> courtsOf(Long caseFileId) {
        return em.createQuery("select s.courtCode from CourtSubmission s where s.caseFileId = :id order by s.courtCode", String.class)
                .setParameter("id", caseFileId).getResultList();
    }

    EntityManager entityManager() {
        return em;
    }

    public void add(PersonSecret secret) {
        em.persist(secret);
    }

    public Optional<PersonSecret> secretOf(Long personId) {
        return Optional.ofNullable(em.find(PersonSecret.class, personId));
    }

    public Optional<SafetyPlan> safetyPlan(Long caseFileId) {
        return Optional.ofNullable(em.find(SafetyPlan.class, caseFileId));
    }

    /** Writes now, telling a concurrent change as such (see {@link kz.qorgau.shared.persistence.Writes}). */
    public void flush() {
        kz.qorgau.shared.persistence.Writes.flush(em);
    }

    /**
     * The next number for a region and year, in one atomic upsert. The counter row stays locked until the intake
     * commits, so concurrent intakes get distinct numbers, and a rolled-back intake gives its number back.
     */
    public CaseNumber allocateNumber(String regionCode, int year) {
        Number next = (Number) em.createNativeQuery("""
                        insert into case_number_counter (region_code, year, last_value) values (?1, ?2, 1)
                        on conflict (region_code, year) do update set last_value = case_number_counter.last_value + 1
                        returning last_value""")
                .setParameter(1, regionCode)
                .setParameter(2, year)
                .getSingleResult();
        return new CaseNumber(regionCode, year, next.longValue());
    }

    /** Any case by number, whoever owns it: only for granting emergency access, which is itself audited. */
    public Optional<CaseFile> findByNumberAnywhere(String number) {
        return em.createQuery("select c from CaseFile c where c.number = :number", CaseFile.class)
                .setParameter("number", number).getResultStream().findFirst();
    }

    /** A case by number or id, whoever owns it: the access policy then decides whether the caller may see it. */
    Optional<CaseFile> find(CaseRef ref) {
        return em.createQuery("select c from CaseFile c where " + ref.condition(), CaseFile.class)
                .setParameter("ref", ref.value())
                .getResultStream()
                .findFirst();
    }

    /** Whether the user holds an emergency access to the case at this moment. */
    boolean holdsEmergencyAccess(Long caseFileId, String username, java.time.Instant now) {
        return !em.createQuery("select b.id from BreakGlassAccess b where b.caseFileId = :id and b.username = :username"
                        + " and b.grantedAt <= :now and b.expiresAt > :now", Long.class)
                .setParameter("id", caseFileId).setParameter("username", username).setParameter("now", now)
                .setMaxResults(1).getResultList().isEmpty();
    }

    private static final String SAME_VICTIM = """
            (v.iin = :iin or (lower(v.familyName) = :family and lower(v.givenName) = :given and v.birthDate = :born))""";

    /** Case numbers in a partition whose victim has this IIN, or this name and date of birth. */
    public List<String> numbersOfVictims(CaseScope scope, String iin, String family, String given, LocalDate born) {
        return scope.bind(em.createQuery("select c.number from CaseFile c join c.victim v where " + SAME_VICTIM + " and "
                        + scope.condition() + " order by c.openedAt desc", String.class))
                .setParameter("iin", iin == null ? "" : iin)
                .setParameter("family", lower(family)).setParameter("given", lower(given)).setParameter("born", born)
                .setMaxResults(20)
                .getResultList();
    }

    public long countCasesOfVictims(String iin, String family, String given, LocalDate born) {
        return em.createQuery("select count(c) from CaseFile c join c.victim v where " + SAME_VICTIM, Long.class)
                .setParameter("iin", iin == null ? "" : iin)
                .setParameter("family", lower(family)).setParameter("given", lower(given)).setParameter("born", born)
                .getSingleResult();
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isEmpty() {
        return em.createQuery("select c.id from CaseFile c", Long.class).setMaxResults(1).getResultList().isEmpty();
    }

    public List<CaseSummary> list(CaseScope scope, CaseListQuery query) {
        String order = switch (query.sortBy()) {
            case NUMBER -> "c.number";
            case VICTIM -> "v.familyName %1$s, v.givenName";
            case REGION -> "c.regionCode";
            case STATUS -> "c.status";
            case OPENED_AT -> "c.openedAt";
            case LAST_ACTIVITY -> "c.lastActivityAt";
        };
        String direction = query.ascending() ? "asc" : "desc";
        // the id as last key keeps pages stable when the sort column has ties
        String jpql = """
                select new kz.qorgau.casefile.CaseSummary(c.id, c.number, v.familyName, v.givenName, c.regionCode,
                       c.kind, c.status, c.openedAt)
                from CaseFile c join c.victim v
                where %s
                order by %s %s, c.id %s""".formatted(scope.condition(), order.formatted(direction), direction, direction);
        return scope.bind(em.createQuery(jpql, CaseSummary.class))
                .setFirstResult(query.first())
                .setMaxResults(query.pageSize())
                .getResultList();
    }

    /** Counts on case_file alone: joining person would make the paginator's count several times slower. */
    public long count(CaseScope scope) {
        return scope.bind(em.createQuery("select count(c) from CaseFile c where " + scope.condition(), Long.class))
                .getSingleResult();
    }
}
