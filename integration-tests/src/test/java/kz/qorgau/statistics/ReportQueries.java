package kz.qorgau.statistics;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * For tests inside the deployment (same package as {@link ReportQuery}): a report's grouped rows as the application
 * asks for them, and as computed from the facts alone, so that a summary can be compared with what it stands for.
 */
public final class ReportQueries {

    private ReportQueries() {
    }

    public static List<String> asAsked(DataSource database, ReportRequest request, LocalDate today) throws SQLException {
        return rows(database, new ReportQuery(request, today));
    }

    public static List<String> fromFacts(DataSource database, ReportRequest request, LocalDate today) throws SQLException {
        return rows(database, ReportQuery.fromFacts(request, today));
    }

    public static String sql(ReportRequest request, LocalDate today) {
        return new ReportQuery(request, today).sql();
    }

    private static List<String> rows(DataSource database, ReportQuery query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                s.setString(i + 1, query.parameters().get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                int width = r.getMetaData().getColumnCount();
                while (r.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= width; i++) {
                        row.append(i == 1 ? "" : "|").append(r.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }
}
