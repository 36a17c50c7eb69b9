package kz.qorgau.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Rows of a native query handed one at a time to a sink as PostgreSQL sends them: a cursor of {@value #FETCH} rows on
 * the read database (a standby when there is one, see {@link ReadDatabase}), so that an export of a million rows never
 * holds them in memory nor a connection of the primary.
 */
@ApplicationScoped
public class Cursor {

    private static final int FETCH = 5_000;

    @Inject
    ReadDatabase database;

    /** Reads one row; the result set is positioned on it. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** How many rows were handed on. */
    public <T> long each(NativeQuery query, RowReader<T> reader, Consumer<? super T> sink) {
        NativeQuery plain = query.jdbc();
        try {
            return database.read(connection -> {
                long rows = 0;
                try (PreparedStatement statement = connection.prepareStatement(plain.sql())) {
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
                }
                return rows;
            });
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }
}
