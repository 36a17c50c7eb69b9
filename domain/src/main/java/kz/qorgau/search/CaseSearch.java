package kz.qorgau.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.casefile.CaseScope;
import kz.qorgau.casefile.CaseStatus;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Permission;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds cases by number, by the victim's IIN, or by her name in either alphabet and with small typos — always within
 * the caller's read partition, which the query itself applies. Every search is audited as a read of personal data:
 * who, when, what kind of search and how many cases it found, never what was typed.
 */
@ApplicationScoped
@Transactional
public class CaseSearch {

    /** A search box answers with the best few; a longer list means the name needs another word. */
    public static final int LIMIT = 20;

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** Whether the caller has cases to search in at all. */
    public boolean available(Caller caller) {
        return CaseScope.of(caller).isPresent();
    }

    public List<SearchHit> search(Caller caller, String typed) {
        CaseScope scope = CaseScope.of(caller).orElseThrow(() -> new AccessDeniedException(Permission.CASE_READ_OWN_ORGANISATION));
        SearchText text = SearchText.of(typed);
        List<SearchHit> hits = switch (text.kind()) {
            case NUMBER -> exact(scope, "c.number = ?1", text.value(), SearchHit.Match.NUMBER);
            case IIN -> exact(scope, "v.iin = ?1", text.value(), SearchHit.Match.IIN);
            case NAME -> byName(scope, text.words());
        };
        audit.record(caller, AuditAction.READ, "CASE_SEARCH", null, null, text.kind() + ":" + hits.size());
        return hits;
    }

    private List<SearchHit> exact(CaseScope scope, String condition, String value, SearchHit.Match match) {
        Query query = em.createNativeQuery("""
                select c.number, v.family_name, v.given_name, v.patronymic, v.birth_date, c.status, c.region_code
                from case_file c join person v on v.id = c.victim_id
                where %s and %s
                order by c.last_activity_at desc, c.id desc""".formatted(condition, scope.sqlCondition(2)));
        query.setParameter(1, value);
        bind(query, scope, 2);
        return hits(query.setMaxResults(LIMIT), match);
    }

    /**
     * Each word typed must begin a word of the name (its prefixes are the keys of the caller's partition's index);
     * names with the words typed in full come first, and within each the most recently active cases. Only when nothing begins so are the words
     * taken as typos: then each must be like a word of the name (trigram word similarity), the closest first.
     */
    private List<SearchHit> byName(CaseScope scope, List<String> typed) {
        // one statement for all the words: the skeleton of the words joined is their skeletons joined
        Object skeleton = em.createNativeQuery("select search_skeleton(?1)").setParameter(1, String.join(" ", typed))
                .getSingleResult();
        List<String> words = new ArrayList<>();
        if (skeleton != null) {
            for (String w : skeleton.toString().split(" ")) {
                if (!w.isBlank() && !words.contains(w)) {
                    words.add(w);
                }
            }
        }
        if (words.isEmpty()) {
            return List.of();
        }
        // names with every word typed in full first, then those the words only begin; each read stops at the limit
        String whole = String.join(" ", words.stream().map(w -> "=" + w).toList());
        List<SearchHit> hits = new ArrayList<>(byKeys(scope, whole, null, LIMIT));
        if (hits.size() < LIMIT) {
            hits.addAll(byKeys(scope, String.join(" ", words), whole, LIMIT - hits.size()));
        }
        if (!hits.isEmpty()) {
            return hits;
        }
        StringBuilder like = new StringBuilder();
        StringBuilder score = new StringBuilder();
        for (int i = 1; i <= words.size(); i++) {
            like.append(i > 1 ? " and " : "").append("s.search_name %> ?").append(i);
            score.append(i > 1 ? " + " : "").append("word_similarity(?").append(i).append(", s.search_name)");
        }
        int next = words.size() + 1;
        Query typos = em.createNativeQuery("""
                select c.number, v.family_name, v.given_name, v.patronymic, v.birth_date, c.status, c.region_code
                from case_search s join case_file c on c.id = s.case_file_id join person v on v.id = c.victim_id
                where %s and %s
                order by %s desc, s.case_file_id desc""".formatted(like, scope.sqlCondition(next), score));
        for (int i = 0; i < words.size(); i++) {
            typos.setParameter(i + 1, words.get(i));
        }
        bind(typos, scope, next);
        return hits(typos.setMaxResults(LIMIT), SearchHit.Match.NAME);
    }

    /** Cases whose name has every key (and, when {@code except} is given, not all of those), newest activity first. */
    private List<SearchHit> byKeys(CaseScope scope, String keys, String except, int limit) {
        kz.qorgau.casefile.CaseListSql.Statement statement = NameSearchSql.byKeys(scope, keys, except, limit);
        return hits(new kz.qorgau.shared.persistence.NativeQuery(statement.sql(), statement.parameters())
                .bind(em.createNativeQuery(statement.sql())), SearchHit.Match.NAME);
    }

    private static void bind(Query query, CaseScope scope, int first) {
        List<Object> parameters = scope.sqlParameters();
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(first + i, parameters.get(i));
        }
    }

    private static List<SearchHit> hits(Query query, SearchHit.Match match) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new SearchHit((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                date(r[4]), CaseStatus.valueOf((String) r[5]), (String) r[6], match)).toList();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
