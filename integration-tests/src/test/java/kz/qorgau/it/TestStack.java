package kz.qorgau.it;

import kz.qorgau.infra.Directories;
import kz.qorgau.infra.EmbeddedDatabase;
import kz.qorgau.infra.EmbeddedKeycloak;
import kz.qorgau.infra.PayaraMicro;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The real stack for one test run, shared by every test class: PostgreSQL and Keycloak with the demo realm, started
 * at once (Arquillian's configuration needs their addresses, and the OIDC mechanism asks Keycloak even about public
 * pages), and on first demand one Payara Micro running the application for browser and HTTP tests. All of it is
 * stopped and deleted when the run ends.
 */
public final class TestStack implements LauncherSessionListener {

    private static EmbeddedDatabase database;
    private static EmbeddedKeycloak keycloak;
    private static PayaraMicro application;
    private static Path work;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String workProperty = System.getProperty("qorgau.it.work");
        if (workProperty == null) {
            return; // not run by failsafe: nothing to start
        }
        try {
            work = Path.of(workProperty);
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            startKeycloak();
            Directories.deleteRecursively(work.resolve("postgres"));
            database = EmbeddedDatabase.start(work.resolve("postgres"), work.resolve("postgres-bin"), port("qorgau.it.db.port"));
            String ownerPassword = UUID.randomUUID().toString();
            String appPassword = UUID.randomUUID().toString();
            database.ensureDatabase("qorgau", ownerPassword);
            database.ensureLoginRole("qorgau_app", appPassword);
            System.setProperty("qorgau.it.db.url", database.jdbcUrl("qorgau"));
            System.setProperty("qorgau.it.db.password", appPassword);
            System.setProperty("qorgau.it.db.owner-password", ownerPassword);
            keycloak.awaitReady();
            System.setProperty("qorgau.it.oidc.issuer", keycloak.issuer());
            System.setProperty("qorgau.it.oidc.client-secret", EmbeddedKeycloak.clientSecret(EmbeddedKeycloak.demoRealm(), "qorgau-web"));
        } catch (Exception e) {
            throw new IllegalStateException("could not start PostgreSQL for the tests", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            if (application != null) {
                application.close();
            }
            if (keycloak != null) {
                keycloak.close();
            }
            if (database != null) {
                database.close();
            }
            if (work != null) {
                Directories.deleteRecursively(work.resolve("postgres"));
                Directories.deleteRecursively(work.resolve("payara"));
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the test stack", e);
        }
    }

    private static int port(String property) {
        return Integer.parseInt(System.getProperty(property));
    }

    private static Path runtime(String file) {
        return Path.of(System.getProperty("qorgau.it.runtime"), file);
    }

    public static String jdbcUrl() {
        return System.getProperty("qorgau.it.db.url");
    }

    public static String dbPassword() {
        return System.getProperty("qorgau.it.db.password");
    }

    /** Keycloak with the demo realm as checked in, its redirect URIs moved to the test application's port. */
    private static void startKeycloak() throws Exception {
        String realm = EmbeddedKeycloak.demoRealm().replace("localhost:8080/", "localhost:" + port("qorgau.it.http.port") + "/");
        keycloak = EmbeddedKeycloak.start(runtime("keycloak-quarkus-dist.zip"), work.resolve("keycloak"),
                port("qorgau.it.keycloak.port"), realm, UUID.randomUUID().toString(), true, work.resolve("logs/keycloak.log"));
    }

    /** A fault drill: PostgreSQL stopped (fast shutdown) while {@code whileDown} runs, then started on the same data. */
    public static synchronized void withDatabaseDown(DatabaseDown whileDown) throws Exception {
        database.close();
        try {
            whileDown.run();
        } finally {
            database = EmbeddedDatabase.start(work.resolve("postgres"), work.resolve("postgres-bin"), port("qorgau.it.db.port"));
        }
    }

    /**
     * A fault drill: Keycloak stopped while {@code whileDown} runs, then started again on the same data (realm, keys
     * and sessions kept), ready before this returns, so that later tests meet it as before.
     */
    public static synchronized void withKeycloakDown(DatabaseDown whileDown) throws Exception {
        keycloak.close();
        try {
            whileDown.run();
        } finally {
            String realm = EmbeddedKeycloak.demoRealm().replace("localhost:8080/", "localhost:" + port("qorgau.it.http.port") + "/");
            keycloak = EmbeddedKeycloak.start(runtime("keycloak-quarkus-dist.zip"), work.resolve("keycloak"),
                    port("qorgau.it.keycloak.port"), realm, UUID.randomUUID().toString(), false, work.resolve("logs/keycloak-restarted.log"));
            keycloak.awaitReady();
        }
    }

    /** The running test PostgreSQL's data folder and port, for the backup test. */
    public static Path databaseDirectory() {
        return work.resolve("postgres");
    }

    public static int databasePort() {
        return database.port();
    }

    public interface DatabaseDown {
        void run() throws Exception;
    }

    public static EmbeddedKeycloak keycloak() {
        return keycloak;
    }

    /** The application as a user meets it, at http://localhost:port/, signed in through the test Keycloak. */
    public static synchronized String applicationUrl() throws Exception {
        if (application == null) {
            EmbeddedKeycloak idp = keycloak();
            // no demo data: each test makes its own
            Map<String, String> environment = PayaraMicro.environment(jdbcUrl(), dbPassword(),
                    System.getProperty("qorgau.it.db.owner-password"), idp.issuer(),
                    System.getProperty("qorgau.it.oidc.client-secret"), false);
            application = PayaraMicro.start(runtime("payara-micro.jar"), runtime("ROOT.war"), work.resolve("payara"),
                    port("qorgau.it.http.port"), environment, work.resolve("logs/payara.log"));
            application.awaitReady();
        }
        return application.baseUrl();
    }
}
