package kz.qorgau.shared.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Where reports and exports read: {@code QORGAU_DB_READ_URL}, a streaming-replication standby of the primary, or the
 * primary itself when none is configured. Never for a write: its connections are read-only and outside the request's
 * transaction, so that a statistic of the whole country does not hold a connection of the primary. A standby can be
 * behind; {@link Reading#currentTo()} says to which moment what was read is current.
 */
@ApplicationScoped
public class ReadDatabase {

    @Resource(lookup = "java:app/jdbc/qorgau-read")
    DataSource database;

    /** Work on a connection of the read database; what it answers and the moment its data are current to. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    public record Reading<T>(T value, Instant currentTo) {
    }

    /**
     * Runs {@code work} in one read-only transaction (autocommit off, so that a fetch size really fetches in
     * batches), rolled back afterwards.
     */
    public <T> T read(Work<T> work) throws SQLException {
        return read(null, work).value();
    }

    /**
     * The same, and to which moment what was read is current: {@code now} (the moment of a primary, current by
     * definition) unless a standby is behind. Null {@code now} asks nothing of the standby (an export, which says no date).
     */
    public <T> Reading<T> read(Instant now, Work<T> work) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                Optional<Instant> replayed = now == null ? Optional.empty() : replayedTo(c);
                T value = work.on(c);
                return new Reading<>(value, replayed.filter(t -> t.isBefore(now)).orElse(now));
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * On a standby that has not replayed all it received, the commit time of the last transaction replayed; empty on
     * a primary, and on a standby with nothing left to replay (an idle primary sends nothing newer).
     */
    static Optional<Instant> replayedTo(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select pg_last_xact_replay_timestamp() from (select 1) x
                where pg_is_in_recovery()
                  and pg_last_wal_receive_lsn() is distinct from pg_last_wal_replay_lsn()""")) {
            if (r.next()) {
                Timestamp t = r.getTimestamp(1);
                return Optional.ofNullable(t).map(Timestamp::toInstant);
            }
            return Optional.empty();
        }
    }
}
