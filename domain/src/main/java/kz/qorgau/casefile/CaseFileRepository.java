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

    /** A case the user holds an emergency access to at this moment. */
    Optional<CaseFile> findWithEmergencyAccess(CaseRef ref, String username, java.time.Instant now) {
        return em.createQuery("select c from CaseFile c where " + ref.condition() + " and exists ("
                        + " select b from BreakGlassAccess b where b.caseFileId = c.id and b.username = :username"
                        + " and b.grantedAt <= :now and b.expiresAt > :now)", CaseFile.class)
                .setParameter("ref", ref.value()).setParameter("username", username).setParameter("now", now)
                .getResultStream().findFirst();
    }

    Optional<CaseFile> find(CaseScope scope, CaseRef ref) {
        return scope.bind(em.createQuery("select c from CaseFile c where " + ref.condition() + " and " + scope.condition(), CaseFile.class))
                .setParameter("ref", ref.value())
                .getResultStream()
                .findFirst();
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

    /** Beyond this many cases a list's count is the planner's estimate (see {@link CaseListCount}). */
    public static final long EXACT_COUNT_LIMIT = 10_000;

    private static final java.util.regex.Pattern PLAN_ROWS = java.util.regex.Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    /** A page of a partition narrowed by a filter, in the database (see {@link CaseListSql} for how it stays fast). */
    public List<CaseSummary> list(CaseScope scope, CaseListFilter filter, DueWindow due, CaseListQuery query) {
        CaseListSql.Statement statement = new CaseListSql(scope, filter, due).page(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(statement.sql()), statement).getResultList();
        return rows.stream().map(CaseFileRepository::summary).toList();
    }

    /**
     * The list's size: counted exactly up to {@link #EXACT_COUNT_LIMIT}, and beyond that estimated by the planner, on
     * case_file alone (joining person would make it several times slower).
     */
    public CaseListCount count(CaseScope scope, CaseListFilter filter, DueWindow due) {
        CaseListSql sql = new CaseListSql(scope, filter, due);
        CaseListSql.Statement counting = sql.countUpTo(EXACT_COUNT_LIMIT + 1);
        long counted = ((Number) bind(em.createNativeQuery(counting.sql()), counting).getSingleResult()).longValue();
        if (counted <= EXACT_COUNT_LIMIT) {
            return new CaseListCount(counted, true);
        }
        CaseListSql.Statement rows = sql.rows();
        Object plan = bind(em.createNativeQuery("explain (format json) " + rows.sql()), rows).getSingleResult();
        java.util.regex.Matcher estimate = PLAN_ROWS.matcher(String.valueOf(plan));
        long estimated = estimate.find() ? Long.parseLong(estimate.group(1)) : 0;
        return new CaseListCount(Math.max(counted, estimated), false);
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, CaseListSql.Statement statement) {
        List<Object> parameters = statement.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private static CaseSummary summary(Object[] row) {
        return new CaseSummary(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], CaseKind.valueOf((String) row[5]), CaseStatus.valueOf((String) row[6]), instant(row[7]));
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.time.Instant t) {
            return t;
        }
        throw new IllegalStateException("a time of an unexpected type: " + value.getClass().getName());
    }
}
