package kz.qorgau.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL, started as the launcher starts it, keeps every acknowledged commit across a power cut. */
class DurableDatabaseIT {

    @ParameterizedTest
    @ValueSource(strings = {"fsync", "synchronous_commit", "full_page_writes"})
    void theRunningServerWritesThroughToDisk(String setting) throws Exception {
        try (Connection c = DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau_app", TestStack.dbPassword());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("show " + setting)) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("on");
        }
    }
}
