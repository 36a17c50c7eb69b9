package kz.qorgau.shared.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Rows of a native query handed one at a time to a sink as PostgreSQL sends them: a cursor of {@value #FETCH} rows in
 * the caller's transaction (autocommit off, so the driver really fetches in batches), so that an export of a million
 * rows never holds them in memory.
 */
@ApplicationScoped
public class Cursor {

    private static final int FETCH = 5_000;

    @Resource(lookup = "java:app/jdbc/qorgau")
    DataSource database;

    /** Reads one row; the result set is positioned on it. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** How many rows were handed on. */
    public <T> long each(NativeQuery query, RowReader<T> reader, Consumer<? super T> sink) {
        NativeQuery plain = query.jdbc();
        long rows = 0;
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(plain.sql())) {
            statement.setFetchSize(FETCH);
            for (int i = 0; i < plain.parameters().size(); i++) {
                statement.setObject(i + 1, plain.parameters().get(i));
            }
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    sink.accept(reader.read(r));
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        return rows;
    }
}
