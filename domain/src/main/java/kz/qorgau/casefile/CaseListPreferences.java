package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.shared.Caller;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The case list filter each user chose last, kept by her Keycloak user name so that it is there again at her next
 * sign-in, on any computer. It holds codes only (and at most a colleague's user name), never a victim's data.
 */
@ApplicationScoped
@Transactional
public class CaseListPreferences {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    Clock clock;

    /** Her remembered filter, or none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseListFilter of(Caller caller) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select statuses, kinds, risks, assignment, assignee, with_deadline
                        from case_list_preference where username = ?1""")
                .setParameter(1, caller.username()).getResultList();
        if (rows.isEmpty()) {
            return CaseListFilter.NONE;
        }
        Object[] row = rows.get(0);
        CaseListFilter.Assignment assignment = parse((String) row[3], CaseListFilter.Assignment.class).stream()
                .findFirst().orElse(CaseListFilter.Assignment.ANY);
        String assignee = (String) row[4];
        if (assignment == CaseListFilter.Assignment.WORKER && assignee == null) {
            assignment = CaseListFilter.Assignment.ANY;
        }
        return new CaseListFilter(parse((String) row[0], CaseStatus.class), parse((String) row[1], CaseKind.class),
                parse((String) row[2], RiskLevel.class), assignment,
                assignment == CaseListFilter.Assignment.WORKER ? assignee : null, Boolean.TRUE.equals(row[5]));
    }

    /** Keeps this filter as hers, in one statement, so that two tabs saving at once cannot collide. */
    public void remember(Caller caller, CaseListFilter filter) {
        em.createNativeQuery("""
                        insert into case_list_preference (username, statuses, kinds, risks, assignment, assignee, with_deadline, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (username) do update set statuses = excluded.statuses, kinds = excluded.kinds,
                            risks = excluded.risks, assignment = excluded.assignment, assignee = excluded.assignee,
                            with_deadline = excluded.with_deadline, updated_at = excluded.updated_at""")
                .setParameter(1, caller.username())
                .setParameter(2, codes(filter.statuses()))
                .setParameter(3, codes(filter.kinds()))
                .setParameter(4, codes(filter.risks()))
                .setParameter(5, filter.assignment().name())
                .setParameter(6, filter.assignee())
                .setParameter(7, filter.withDeadline())
                .setParameter(8, Timestamp.from(Instant.now(clock)))
                .executeUpdate();
    }

    static String codes(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** Codes no longer known (a status renamed since) are dropped rather than failing her list. */
    static <E extends Enum<E>> Set<E> parse(String codes, Class<E> type) {
        if (codes == null || codes.isBlank()) {
            return Set.of();
        }
        Set<String> known = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
        EnumSet<E> values = EnumSet.noneOf(type);
        Arrays.stream(codes.split(",")).map(String::strip).filter(known::contains)
                .map(code -> Enum.valueOf(type, code)).forEach(values::add);
        return values;
    }
}
