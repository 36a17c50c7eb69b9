package kz.qorgau.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.sessions.Session;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * EclipseLink has no "validate" mode, so this compares every mapped table and column with the live schema and
 * refuses to start when a mapping names something the migrations did not create. It also tells {@link InputGuard}
 * how long each text column is, so that a text too long is refused before PostgreSQL would fail on it.
 */
@ApplicationScoped
public class SchemaCheck {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Transactional
    public void verify() {
        Set<String> existing = new HashSet<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select table_name, column_name, character_maximum_length from information_schema.columns"
                        + " where table_schema = current_schema()")
                .getResultList();
        Map<String, Integer> lengths = new HashMap<>();
        for (Object[] row : rows) {
            existing.add(row[0] + "." + row[1]);
            if (row[2] instanceof Number limit) {
                lengths.put((row[0] + "." + row[1]).toLowerCase(Locale.ROOT), limit.intValue());
            }
        }
        InputGuard.columnLengths(lengths);
        Set<String> missing = new TreeSet<>();
        for (ClassDescriptor descriptor : em.unwrap(Session.class).getDescriptors().values()) {
            for (DatabaseField field : descriptor.getFields()) {
                String column = (field.getTableName() + "." + field.getName()).toLowerCase(Locale.ROOT);
                if (!existing.contains(column)) {
                    missing.add(descriptor.getJavaClassName() + " -> " + column);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("JPA mappings name columns the schema lacks: " + missing);
        }
    }
}
