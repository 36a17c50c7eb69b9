package kz.qorgau.shared.persistence;

import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Native SQL with positional parameters {@code ?1 … ?n} and their values in that order, as the lists write it: bound to
 * a JPA query for a page, or turned into plain JDBC for a {@link Cursor}.
 */
public record NativeQuery(String sql, List<Object> parameters) {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    public NativeQuery {
        parameters = java.util.Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    public <Q extends Query> Q bind(Q query) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    /** The rows of this query through JPA, each made into a domain value. */
    public <T> List<T> rows(jakarta.persistence.EntityManager em, java.util.function.Function<Object[], T> row) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = bind(em.createNativeQuery(sql)).getResultList();
        return found.stream().map(row).toList();
    }

    /** The single number this query counts. */
    public long count(jakarta.persistence.EntityManager em) {
        return ((Number) bind(em.createNativeQuery(sql)).getSingleResult()).longValue();
    }

    /** JPA's {@code ?1…?n} as JDBC's {@code ?}, with the values in the order they appear (one may appear twice). */
    NativeQuery jdbc() {
        Matcher numbered = NUMBERED.matcher(sql);
        List<Object> values = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        while (numbered.find()) {
            values.add(parameters.get(Integer.parseInt(numbered.group(1)) - 1));
            numbered.appendReplacement(plain, "?");
        }
        numbered.appendTail(plain);
        return new NativeQuery(plain.toString(), values);
    }

    /** The values of a statement being written, each added where it is used. */
    public static final class Parameters {
        private final List<Object> values = new ArrayList<>();

        /** Adds a value and gives its placeholder. */
        public String add(Object value) {
            values.add(value);
            return "?" + values.size();
        }

        /** The number the next value will get: for conditions that number their own placeholders. */
        public int next() {
            return values.size() + 1;
        }

        public void addAll(List<?> more) {
            values.addAll(more);
        }

        public NativeQuery of(String sql) {
            return new NativeQuery(sql, values);
        }
    }
}
