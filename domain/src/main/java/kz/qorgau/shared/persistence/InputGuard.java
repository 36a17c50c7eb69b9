package kz.qorgau.shared.persistence;

import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.Text;
import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectToFieldMapping;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The last check before PostgreSQL: whatever path a text took, it is refused (and nothing saved) when PostgreSQL
 * cannot or should not store it ({@link Text}) or when it is longer than its column, and a date outside 1900-2199 is
 * refused as a typing error. Column lengths are read from the live schema at start ({@link SchemaCheck}).
 */
public class InputGuard extends DescriptorEventAdapter {

    public static final String DATE_OUT_OF_RANGE = "input.date.outOfRange";
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private static volatile Map<String, Integer> columnLengths = Map.of();

    /** A date a person could mean (1900-2199): anything else is a typing error; null is no date. */
    public static boolean plausible(LocalDate date) {
        return date == null || !(date.isBefore(EARLIEST) || date.isAfter(LATEST));
    }

    /** {@code table.column} (lower case) to its character limit, for the columns that have one. */
    static void columnLengths(Map<String, Integer> lengths) {
        columnLengths = Map.copyOf(lengths);
    }

    @Override
    public void prePersist(DescriptorEvent event) {
        check(event);
    }

    @Override
    public void preInsert(DescriptorEvent event) {
        check(event);
    }

    @Override
    public void preUpdateWithChanges(DescriptorEvent event) {
        check(event);
    }

    private static void check(DescriptorEvent event) {
        Object entity = event.getSource();
        for (DatabaseMapping mapping : event.getDescriptor().getMappings()) {
            if (mapping instanceof DirectToFieldMapping direct && !direct.isReadOnly()) {
                Object value = direct.getAttributeValueFromObject(entity);
                if (value instanceof String text) {
                    String column = (direct.getField().getTableName() + "." + direct.getField().getName()).toLowerCase(Locale.ROOT);
                    Text.require(text, columnLengths.get(column));
                } else if (value instanceof LocalDate date && !plausible(date)) {
                    throw new InvalidInputException("input.date.outOfRange");
                }
            }
        }
    }
}
