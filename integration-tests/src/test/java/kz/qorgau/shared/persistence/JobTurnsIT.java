package kz.qorgau.shared.persistence;

import kz.qorgau.it.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes asking for the same job's turn, each a connection of the application's role to the real PostgreSQL, with
 * the statement {@link JobTurns} runs. On a row of its own, so the running application's jobs are not disturbed.
 */
class JobTurnsIT {

    private static final String PROBE = "turns-probe";
    private static final String HOUR = "3600 seconds";
    private static final String NOT_AT_ONCE = "0 seconds";

    @BeforeEach
    void probeRow() throws Exception {
        TestStack.applicationUrl(); // the application migrates the schema at start
        try (Connection owner = owner(); Statement st = owner.createStatement()) {
            st.execute("insert into scheduled_job (name) values ('" + PROBE + "')");
        }
    }

    @AfterEach
    void noProbeRow() throws Exception {
        try (Connection owner = owner(); Statement st = owner.createStatement()) {
            st.execute("delete from scheduled_job where name = '" + PROBE + "'");
        }
    }

    @Test
    void whileOneNodeHoldsTheTurnTheOtherSkipsAtOnceAndAfterItsCommitTheJobIsNotDue() throws Exception {
        try (Connection first = node(); Connection second = node()) {
            assertThat(takeTurn(first, HOUR)).as("due: never ran").isTrue();
            assertThat(takeTurn(second, NOT_AT_ONCE)).as("the first is at it: skipped, without waiting").isFalse();
            first.commit();
            assertThat(takeTurn(second, HOUR)).as("done within the hour").isFalse();
            second.rollback();
            assertThat(takeTurn(second, NOT_AT_ONCE)).as("a start's run, no one at it").isTrue();
            second.rollback();
        }
    }

    @Test
    void aNodeThatDiesMidRunLeavesTheJobDueForTheNextTick() throws Exception {
        try (Connection survivor = node()) {
            Connection dying = node();
            assertThat(takeTurn(dying, HOUR)).isTrue();
            assertThat(takeTurn(survivor, HOUR)).isFalse();
            survivor.rollback();
            int backend = backendOf(dying);
            dying.close(); // its transaction ends with the connection, uncommitted
            awaitGone(survivor, backend); // the server ends the session a moment after the client has closed it
            assertThat(takeTurn(survivor, HOUR)).as("the job went back").isTrue();
            survivor.commit();
        }
        try (Connection owner = owner(); Statement st = owner.createStatement();
             ResultSet rs = st.executeQuery("select last_run_at > now() - interval '1 minute' from scheduled_job where name = '" + PROBE + "'")) {
            assertThat(rs.next() && rs.getBoolean(1)).as("the survivor's run is recorded").isTrue();
        }
    }

    @Test
    void theApplicationsStartPreparedTheAuditPartitionsThroughItsTurn() throws Exception {
        try (Connection owner = owner(); Statement st = owner.createStatement();
             ResultSet rs = st.executeQuery("select last_run_at > '-infinity' from scheduled_job where name = 'prepare-audit-partitions'")) {
            assertThat(rs.next() && rs.getBoolean(1)).isTrue();
        }
    }

    /** A node's connection: its own transactions, and a short statement timeout that a wait for the other would hit. */
    private static Connection node() throws SQLException {
        Connection c = DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau_app", TestStack.dbPassword());
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("set statement_timeout = '2s'");
        }
        c.commit(); // or a rollback later would take the setting back
        return c;
    }

    private static int backendOf(Connection node) throws SQLException {
        try (Statement st = node.createStatement(); ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Waits (at most 10 s) until the server no longer runs that session, so its locks are released. */
    private static void awaitGone(Connection node, int backend) throws Exception {
        for (long until = System.nanoTime() + 10_000_000_000L; System.nanoTime() < until; Thread.sleep(20)) {
            try (Statement st = node.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity where pid = " + backend)) {
                rs.next();
                boolean gone = rs.getInt(1) == 0;
                node.rollback(); // each look in a transaction of its own: the view is read once per transaction
                if (gone) {
                    return;
                }
            }
        }
    }

    private static boolean takeTurn(Connection node, String every) throws SQLException {
        try (PreparedStatement st = node.prepareStatement(JobTurns.TAKE_TURN.replace("?1", "?").replace("?2", "?"))) {
            st.setString(1, PROBE);
            st.setString(2, every);
            return st.executeUpdate() == 1;
        }
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau", System.getProperty("qorgau.it.db.owner-password"));
    }
}
