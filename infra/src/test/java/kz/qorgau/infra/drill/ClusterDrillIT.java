package kz.qorgau.infra.drill;

import kz.qorgau.infra.Directories;
import kz.qorgau.infra.Launcher;
import kz.qorgau.infra.drill.DrillTally.Row;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's drill where it fits the CI time: {@link ClusterDrill#SMALL} (the cluster's whole stack, HAProxy in front,
 * simulated users in browsers through it, a node killed with {@code kill -9} and restarted, then the primary stopped
 * and started again), with the targets asserted on what the users saw and on what the database holds after.
 * The report is written to {@code infra/target/cluster-drill/results.md}, the logs beside it.
 */
class ClusterDrillIT {

    @Test
    void nobodyNoticesAKilledNodeAndADatabaseOutageLosesNothingThatWasAcknowledged() throws Exception {
        Path home = Launcher.home(); // failsafe sets qorgau.home and qorgau.runtime.dir (infra/pom.xml)
        Path target = home.resolve("infra/target");
        Path runtime = Launcher.runtime(home);
        Path folder = target.resolve("cluster-drill");
        Directories.deleteRecursively(folder.resolve("logs")); // this drill's logs only: they are read below
        ClusterDrill.Result result = ClusterDrill.run(ClusterDrill.SMALL, folder, target.resolve("postgres-bin"), runtime);
        Files.writeString(folder.resolve("results.md"), result.report());
        Map<String, Row> rows = result.rows();
        String report = result.report();

        Row calm = rows.get(ClusterDrill.NO_FAULT);
        assertThat(calm.requests()).as(report).isPositive();
        assertThat(calm.acknowledged()).as(report).isPositive();
        assertThat(calm.getsFailed()).as("GETs failed without a fault\n" + report).isZero();
        assertThat(calm.postsFailed()).as("POSTs failed without a fault\n" + report).isZero();

        Row killed = rows.get(ClusterDrill.NODE_KILLED);
        assertThat(killed.backAfter()).as(report).contains("ready again");
        assertThat(killed.acknowledged()).as(report).isPositive();
        assertThat(killed.getsFailed()).as("GETs failed when a node died\n" + report).isZero();
        // a note POST in flight on the dying node may fail, once per user at most
        assertThat(killed.postsFailed()).as(report).isLessThanOrEqualTo(ClusterDrill.SMALL.users());

        Row outage = rows.get(ClusterDrill.DATABASE_STOPPED);
        assertThat(outage.backAfter()).as(report).contains("served again");
        // while the primary is down a page is the application's "temporarily unavailable" (503), at once; the note
        // form says so in its notice: never a proxy's page, a broken connection or a wait past the user's patience
        assertThat(outage.failures().keySet()).as(report).allSatisfy(failure ->
                assertThat(failure).matches("GET 503 Temporarily unavailable.*|POST notice: .*|POST 503 Temporarily unavailable.*"));

        // a node logs what it cannot replicate of a session; never with the session's id, a key to it
        try (var logs = Files.list(folder.resolve("logs"))) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("payara-")).toList()) {
                assertThat(new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1)).as(log.toString()).doesNotContain("Cannot serialize session attribute")
                        .doesNotContainPattern("for session [0-9a-f]{16,}");
            }
        }

        for (Row row : rows.values()) {
            assertThat(row.signedInAgain()).as("users sent back to sign in, scenario " + row.scenario() + "\n" + report).isZero();
            assertThat(row.missing()).as("acknowledged notes missing, scenario " + row.scenario() + "\n" + report).isZero();
            assertThat(row.appliedTwice()).as("notes stored twice, scenario " + row.scenario() + "\n" + report).isZero();
        }
    }
}
