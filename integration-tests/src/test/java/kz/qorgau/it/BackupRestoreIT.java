package kz.qorgau.it;

import kz.qorgau.infra.Backup;
import kz.qorgau.infra.Directories;
import kz.qorgau.infra.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup taken while the application runs and writes, restored into an empty folder and started: every case, note,
 * timeline and audit entry of the moment of the backup is there, and nothing written after it.
 */
class BackupRestoreIT {

    private static final List<String> TABLES = List.of("case_file", "person", "case_note", "case_event", "audit_event",
            "protective_order", "flyway_schema_history");

    @Test
    void aBackupOfTheRunningDatabaseRestoresEveryCaseNoteAndAuditEntry() throws Exception {
        String api = TestStack.applicationUrl() + "api/v1/";
        String token = DemoTokens.accessToken(TestStack.keycloak().issuer(), "aigerim");
        HttpResponse<String> opened = ApiCalls.call(api + "cases", token, "POST", intake(), "ru");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String number = opened.body().replaceAll(".*\"number\":\"([^\"]+)\".*", "$1");
        assertThat(ApiCalls.call(api + "cases/" + number + "/notes", token, "POST", "{\"text\":\"до копии\"}", "ru").statusCode()).isEqualTo(201);
        assertThat(ApiCalls.call(api + "cases/" + number, token, "GET", null, "ru").statusCode()).isEqualTo(200);

        Path work = Path.of(System.getProperty("qorgau.it.work"));
        Path zip = work.resolve("backup/qorgau.zip");
        Map<String, Long> atBackup;
        long started = System.nanoTime();
        try (Connection live = connect(TestStack.jdbcUrl())) {
            atBackup = counts(live);
            Backup.backup(TestStack.databaseDirectory(), TestStack.databasePort(), work.resolve("no-secrets"), zip);
        }
        long backupMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip))).isEqualTo("rw-------");
        assertThat(ApiCalls.call(api + "cases/" + number + "/notes", token, "POST", "{\"text\":\"после копии\"}", "ru").statusCode()).isEqualTo(201);

        Path var = work.resolve("restored-var");
        Directories.deleteRecursively(var);
        Backup.restore(zip, var);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (EmbeddedDatabase restored = EmbeddedDatabase.start(var.resolve("postgres"), work.resolve("postgres-bin"), port);
             Connection c = connect(restored.jdbcUrl("qorgau"))) {
            assertThat(counts(c)).isEqualTo(atBackup);
            try (ResultSet notes = c.createStatement().executeQuery("select n.text from case_note n join case_file f"
                    + " on f.id = n.case_file_id where f.number = '" + number + "' order by n.id")) {
                assertThat(notes.next()).isTrue();
                assertThat(notes.getString(1)).isEqualTo("до копии");
                assertThat(notes.next()).as("a note written after the backup").isFalse();
            }
            System.out.printf("[backup] %d KB in %d ms while the application ran; restored and started: %s%n",
                    Files.size(zip) / 1024, backupMillis, atBackup);
        } finally {
            Directories.deleteRecursively(var);
        }
        assertThatRestoreRefusesAFolderThatHoldsADatabase(zip);
    }

    private static void assertThatRestoreRefusesAFolderThatHoldsADatabase(Path zip) {
        Path live = TestStack.databaseDirectory().getParent();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Backup.restore(zip, live))
                .hasMessageContaining("already holds a database");
    }

    private static Map<String, Long> counts(Connection c) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            try (ResultSet r = c.createStatement().executeQuery("select count(*) from " + table)) {
                r.next();
                counts.put(table, r.getLong(1));
            }
        }
        return counts;
    }

    /** As the schema owner: the migration history is not the application's to read (V23). */
    private static Connection connect(String url) throws Exception {
        return DriverManager.getConnection(url, "qorgau", System.getProperty("qorgau.it.db.owner-password"));
    }

    private static String intake() {
        return "{\"familyName\":\"Копиева\",\"givenName\":\"Сауле\",\"sex\":\"FEMALE\",\"birthDate\":\"1988-04-02\","
                + "\"regionCode\":\"ALM\",\"kind\":\"DOMESTIC_VIOLENCE\",\"incidentDate\":\""
                + LocalDate.now(ZoneId.of("Asia/Almaty")).minusDays(1) + "\",\"incidentType\":\"PHYSICAL_ASSAULT\"}";
    }
}
