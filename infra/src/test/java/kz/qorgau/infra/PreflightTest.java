package kz.qorgau.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Run refuses to start beside a server it did not start, and names it. */
class PreflightTest {

    @TempDir
    Path dir;

    @Test
    void aTakenPortIsRefusedNamingTheProcessThatHoldsIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Preflight.requireFreePort("embedded Keycloak", port, "Stop it."))
                    .hasMessageContaining("Port " + port + " (embedded Keycloak) is already in use by process "
                            + ProcessHandle.current().pid())
                    .hasMessageContaining("Stop it.");
        }
    }

    @Test
    void aFreePortPasses() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThatCode(() -> Preflight.requireFreePort("Qorgau", port, "")).doesNotThrowAnyException();
    }

    @Test
    void aDatabaseFolderOfALiveServerIsRefusedAndAStalePidFileIsNot() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            for (int i = 0; i < 50 && other.info().command().filter(c -> c.endsWith("sleep")).isEmpty(); i++) {
                Thread.sleep(20); // until the child has become "sleep"
            }
            Files.writeString(dir.resolve("postmaster.pid"), other.pid() + "\n" + dir + "\n");
            assertThatThrownBy(() -> Preflight.requireUnusedPostgresData(dir))
                    .hasMessageContaining("in use by process " + other.pid() + " (sleep)")
                    .hasMessageContaining("kill " + other.pid());
        } finally {
            other.destroy();
            other.waitFor();
        }
        assertThatCode(() -> Preflight.requireUnusedPostgresData(dir)).doesNotThrowAnyException();
    }

    @Test
    void aProcessRunningFromTheKeycloakFolderIsRefused() throws Exception {
        Path keycloak = Files.createDirectories(dir.resolve("keycloak"));
        Process other = new ProcessBuilder("sh", "-c", "sleep 30; true", keycloak.toString()).start();
        try {
            for (int i = 0; i < 50 && other.info().commandLine().filter(c -> c.contains(keycloak.toString())).isEmpty(); i++) {
                Thread.sleep(20); // until the child has become the shell
            }
            assertThatThrownBy(() -> Preflight.requireNoProcessUsing(keycloak, "Keycloak's data"))
                    .hasMessageContaining("in use by process " + other.pid());
        } finally {
            other.descendants().forEach(ProcessHandle::destroy);
            other.destroy();
            other.waitFor();
        }
    }

    @Test
    void secretsAreReadableByTheirOwnerOnlyAlsoWhenAnOlderRunWroteThemForAll() throws Exception {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "db.password=old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Properties secrets = Launcher.secrets(file);

        assertThat(secrets.getProperty("db.password")).isEqualTo("old");
        assertThat(secrets.getProperty("keycloak.admin.password")).hasSizeGreaterThan(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Path fresh = dir.resolve("fresh.properties");
        Launcher.secrets(fresh);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
        assertThat(List.of(Files.readString(fresh).split("\n"))).anyMatch(l -> l.startsWith("db.app.password="));
    }
}
