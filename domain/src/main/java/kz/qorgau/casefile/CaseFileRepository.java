package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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

    /**
     * A case for its page: the victim, the risk assessments and the consents come in the same statement (a few rows
     * each), so that the page's one read costs a statement per kind of record, never one per row.
     */
    Optional<CaseFile> findForPage(CaseRef ref) {
        return em.createQuery("select c from CaseFile c join fetch c.victim left join fetch c.riskAssessments"
                        + " left join fetch c.consents where " + ref.condition(), CaseFile.class)
                .setParameter("ref", ref.value())
                .getResultStream()
                .findFirst();
    }

    /** The incidents of a case, each with its perpetrator, in one statement. */
    List<Incident> incidentsOf(CaseFile file) {
        return em.createQuery("select i from Incident i left join fetch i.perpetrator where i.caseFile = :file"
                        + " order by i.occurredOn, i.id", Incident.class)
                .setParameter("file", file).getResultList();
    }

    /** The children and family members of a case, each with the person, in one statement. */
    List<RelatedPerson> partiesOf(CaseFile file) {
        return em.createQuery("select p from RelatedPerson p join fetch p.person where p.caseFile = :file"
                        + " order by p.recordedAt, p.id", RelatedPerson.class)
                .setParameter("file", file).getResultList();
    }

    /** The emergency accesses to a case in force at this moment, whoever holds them. */
    List<kz.qorgau.breakglass.BreakGlassAccess> emergencyAccessesInForce(Long caseFileId, java.time.Instant now) {
        return em.createQuery("select b from BreakGlassAccess b where b.caseFileId = :id and b.grantedAt <= :now"
                        + " and b.expiresAt > :now order by b.grantedAt", kz.qorgau.breakglass.BreakGlassAccess.class)
                .setParameter("id", caseFileId).setParameter("now", now).getResultList();
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

    private static <Q extends jakarta.persistence.Query> Q matching(Q query, PersonSearch search) {
        // an empty string matches no IIN and no name (both are never empty), so one query serves every search
        query.setParameter("iin", search.iinValue().orElse(""));
        query.setParameter("family", search.normalisedFamilyName());
        query.setParameter("given", search.normalisedGivenName());
        query.setParameter("born", search.byName() ? search.birthDate() : java.time.LocalDate.of(1900, 1, 1));
        return query;
    }

    /** A page of the partition's cases whose victim matches, newest first. */
    public List<DuplicateCheck.Match> casesOfVictim(CaseScope scope, PersonSearch search, int first, int max) {
        return matching(scope.bind(em.createQuery("select new kz.qorgau.casefile.DuplicateCheck$Match(c.number, c.status, c.openedAt)"
                        + " from CaseFile c join c.victim v where " + SAME_VICTIM + " and " + scope.condition()
                        + " order by c.openedAt desc, c.id desc", DuplicateCheck.Match.class)), search)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /** How many of the partition's cases have a matching victim, counted by the database, not by a truncated list. */
    public long countCasesOfVictim(CaseScope scope, PersonSearch search) {
        return matching(scope.bind(em.createQuery("select count(c) from CaseFile c join c.victim v where " + SAME_VICTIM
                + " and " + scope.condition(), Long.class)), search).getSingleResult();
    }

    /** How many cases anywhere have a matching victim: only ever compared, never shown. */
    public long countCasesOfVictim(PersonSearch search) {
        return matching(em.createQuery("select count(c) from CaseFile c join c.victim v where " + SAME_VICTIM, Long.class), search)
                .getSingleResult();
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

    @jakarta.inject.Inject
    kz.qorgau.shared.persistence.Cursor cursor;

    /**
     * Every case of a filtered list, handed to {@code sink} one at a time as PostgreSQL sends them (a cursor, in the
     * caller's transaction), so that a million rows never sit in memory.
     */
    public long export(CaseScope scope, CaseListFilter filter, DueWindow due, java.util.function.Consumer<CaseExportRow> sink) {
        CaseListSql.Statement statement = new CaseListSql(scope, filter, due).export();
        return cursor.each(new kz.qorgau.shared.persistence.NativeQuery(statement.sql(), statement.parameters()), r -> {
            java.sql.Timestamp opened = r.getTimestamp(7);
            String risk = r.getString(9);
            return new CaseExportRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                    CaseKind.valueOf(r.getString(5)), CaseStatus.valueOf(r.getString(6)),
                    opened == null ? null : opened.toInstant(), r.getString(8),
                    risk == null ? null : RiskLevel.valueOf(risk));
        }, sink);
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
