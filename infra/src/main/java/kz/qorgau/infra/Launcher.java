package kz.qorgau.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The embedded default: PostgreSQL, Keycloak and Qorgau on one machine with only a JDK, until Ctrl-C.
 * When QORGAU_DB_URL or QORGAU_OIDC_ISSUER are set, the external service is used and the embedded one is not started.
 * The Run owns what it starts: it refuses to start beside servers it did not start, restarts Payara Micro or Keycloak
 * when one dies (three times at most), and when PostgreSQL dies or a restart is used up it stops everything and fails.
 */
public final class Launcher {

    static final int DATABASE_PORT = 15432;
    static final int KEYCLOAK_PORT = 8180;
    static final int HTTP_PORT = 8080;
    static final int RESTARTS = 3;

    private final Supervisor supervisor = new Supervisor(Launcher::say);

    public static void main(String[] args) throws Exception {
        Launcher launcher = new Launcher();
        runUntilStopped(launcher.supervisor, launcher::runSupervised);
    }

    /** What a run starts and watches, from the checkout ({@code qorgau.home}) and the unpacked servers. */
    @FunctionalInterface
    public interface Run {
        void start(Path home, Path runtime, Map<String, String> env) throws Exception;
    }

    /** The checkout ({@code qorgau.home}, the build sets it), which holds {@code var/}. */
    public static Path home() {
        return Path.of(System.getProperty("qorgau.home", ".")).toAbsolutePath().normalize();
    }

    /** Where the build unpacked what a run starts: Payara Micro, the WAR, Keycloak ({@code qorgau.runtime.dir}). */
    public static Path runtime(Path home) {
        return Path.of(System.getProperty("qorgau.runtime.dir", home.resolve("infra/target/runtime").toString()));
    }

    /** Runs {@code run} from this checkout; whatever it started stops with it, on Ctrl-C too. */
    public static void runUntilStopped(Supervisor supervisor, Run run) throws Exception {
        Path home = home();
        Path runtime = runtime(home);
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::closeAll, "qorgau-stop"));
        try {
            run.start(home, runtime, System.getenv());
        } finally {
            // also when main ends by itself: a shutdown hook alone could come too late for the plugin's class loader
            supervisor.closeAll();
        }
    }

    private void runSupervised(Path home, Path runtime, Map<String, String> env) throws Exception {
        long started = System.nanoTime();
        Path var = Directories.ownerOnly(home.resolve("var"));
        Properties secrets = secrets(var.resolve("secrets.properties"));
        Path logs = var.resolve("logs");

        Map<String, String> app = new HashMap<>();
        String keycloakDatabase = null;
        int httpPort = Integer.parseInt(env.getOrDefault("QORGAU_HTTP_PORT", Integer.toString(HTTP_PORT)));
        boolean embeddedDatabase = !env.containsKey("QORGAU_DB_URL");
        boolean embeddedKeycloak = !env.containsKey("QORGAU_OIDC_ISSUER");
        boolean real = "real".equalsIgnoreCase(env.getOrDefault("QORGAU_MODE", "demo"));
        String host = env.getOrDefault("QORGAU_HOSTNAME", "localhost");
        if (real && embeddedKeycloak && !embeddedDatabase) {
            throw new IllegalArgumentException("QORGAU_MODE=real keeps Keycloak's data on the embedded PostgreSQL: with an"
                    + " external database (QORGAU_DB_URL), use an external Keycloak too (QORGAU_OIDC_ISSUER).");
        }
        preflight(var, httpPort, embeddedDatabase, embeddedKeycloak);
        say(real ? "Real mode: no demo users, no demo data; reachable as " + host : "Demo mode (QORGAU_MODE=real for real use)");

        if (!embeddedDatabase) {
            say("Database: external (QORGAU_DB_URL)");
        } else {
            say("Starting PostgreSQL (embedded, data in var/postgres) ...");
            EmbeddedDatabase database = supervisor.add("PostgreSQL", EmbeddedDatabase.start(var.resolve("postgres"),
                    var.resolve("postgres-bin"), DATABASE_PORT, logs.resolve("postgres.log")), 0, null);
            database.ensureDatabase("qorgau", secrets.getProperty("db.password"));
            database.ensureLoginRole("qorgau_app", secrets.getProperty("db.app.password"));
            if (real) {
                database.ensureDatabase("keycloak", secrets.getProperty("keycloak.db.password"));
                keycloakDatabase = database.jdbcUrl("keycloak");
            }
            app.put("QORGAU_DB_URL", database.jdbcUrl("qorgau"));
            app.put("QORGAU_DB_USER", "qorgau_app");
            app.put("QORGAU_DB_PASSWORD", secrets.getProperty("db.app.password"));
            app.put("QORGAU_DB_MIGRATION_USER", "qorgau");
            app.put("QORGAU_DB_MIGRATION_PASSWORD", secrets.getProperty("db.password"));
            app.putIfAbsent("QORGAU_DEMO_DATA", env.getOrDefault("QORGAU_DEMO_DATA", real ? "false" : "true"));
        }

        EmbeddedKeycloak keycloak = null;
        String firstAdminPassword = null;
        if (!embeddedKeycloak) {
            say("Identity: external Keycloak (QORGAU_OIDC_ISSUER)");
        } else if (real) {
            say("Starting Keycloak (embedded, production mode, data in the embedded PostgreSQL) ...");
            Path imported = var.resolve("keycloak/.real-realm-imported");
            AtomicReference<String> realmToImport = new AtomicReference<>();
            if (!Files.exists(imported)) {
                firstAdminPassword = randomSecret();
                realmToImport.set(RealRealm.from(EmbeddedKeycloak.demoRealm(), secrets.getProperty("keycloak.web.secret"),
                        host, httpPort, firstAdminPassword));
            }
            String database = keycloakDatabase;
            Supervisor.Restart startKeycloak = () -> EmbeddedKeycloak.startProduction(runtime.resolve("keycloak-quarkus-dist.zip"),
                    var.resolve("keycloak"), host, KEYCLOAK_PORT, realmToImport.get(), secrets.getProperty("keycloak.admin.password"),
                    database, "keycloak", secrets.getProperty("keycloak.db.password"), logs.resolve("keycloak.log"));
            keycloak = supervisor.add("Keycloak", (EmbeddedKeycloak) startKeycloak.start(), RESTARTS, startKeycloak);
            keycloak.awaitReady();
            if (realmToImport.getAndSet(null) != null) {
                keycloak.forgetImport(); // it held the first password
                Files.writeString(imported, "the realm was imported; its users live in Keycloak's database now\n");
                say("First administrator: user '" + RealRealm.FIRST_ADMIN + "', one-time password " + firstAdminPassword);
                say("  It is shown only now. At her first sign-in she chooses her own password (at least 12 characters).");
                say("  She creates the users in Keycloak's console of the realm, " + keycloak.baseUrl() + "/admin/qorgau/console/");
                say("  (each with a realm role, and the attributes organisation and region).");
            }
            app.put("QORGAU_OIDC_ISSUER", keycloak.issuer());
            app.put("QORGAU_OIDC_CLIENT_ID", "qorgau-web");
            app.put("QORGAU_OIDC_CLIENT_SECRET", secrets.getProperty("keycloak.web.secret"));
        } else {
            say("Starting Keycloak (embedded, realm qorgau, data in var/keycloak) ...");
            String realm = EmbeddedKeycloak.demoRealm();
            Supervisor.Restart startKeycloak = () -> EmbeddedKeycloak.start(runtime.resolve("keycloak-quarkus-dist.zip"),
                    var.resolve("keycloak"), KEYCLOAK_PORT, realm, secrets.getProperty("keycloak.admin.password"), false,
                    logs.resolve("keycloak.log"));
            keycloak = supervisor.add("Keycloak", (EmbeddedKeycloak) startKeycloak.start(), RESTARTS, startKeycloak);
            app.put("QORGAU_OIDC_ISSUER", keycloak.issuer());
            app.put("QORGAU_OIDC_CLIENT_ID", "qorgau-web");
            app.put("QORGAU_OIDC_CLIENT_SECRET", EmbeddedKeycloak.clientSecret(realm, "qorgau-web"));
        }

        say("Starting Qorgau on Payara Micro ...");
        Supervisor.Restart startPayara = () -> PayaraMicro.start(runtime.resolve("payara-micro.jar"), runtime.resolve("ROOT.war"),
                var.resolve("payara"), httpPort, app, logs.resolve("payara.log"));
        PayaraMicro payara = supervisor.add("Payara Micro", (PayaraMicro) startPayara.start(), RESTARTS, startPayara);
        if (keycloak != null) {
            keycloak.awaitReady();
            say("Keycloak ready at " + keycloak.baseUrl() + " (admin console user 'admin', password in var/secrets.properties)");
        }
        payara.awaitReady();

        say("");
        say("Qorgau is ready in %d s: %s".formatted((System.nanoTime() - started) / 1_000_000_000L,
                payara.baseUrl().replace("localhost", host)));
        if (firstAdminPassword != null) {
            say("Sign in as '" + RealRealm.FIRST_ADMIN + "' with the one-time password shown above.");
        } else if (keycloak != null && !real) {
            say("Sign in as a demo user, password 'demo': aigerim and zhanar (social workers, Almaty), dana (Astana),");
            say("  nurlan and gulnara (supervisors), serik (police), aliya (court), madina (NGO), asel (analyst), admin,");
            say("  guest (no role).");
        }
        say("Logs in var/logs (earlier starts' logs beside them). Press Ctrl-C to stop everything.");
        supervisor.watch(Duration.ofSeconds(1));
    }

    /** Nothing of ours may be running already, and nothing else may hold our ports: the Run never adopts a server. */
    private static void preflight(Path var, int httpPort, boolean embeddedDatabase, boolean embeddedKeycloak) throws IOException {
        String stop = "Stop it, or if it is an earlier Run of Qorgau, stop that Run (Ctrl-C in its terminal), then start again.";
        if (embeddedDatabase) {
            Preflight.requireUnusedPostgresData(var.resolve("postgres"));
            Preflight.requireFreePort("embedded PostgreSQL", DATABASE_PORT, stop);
        }
        if (embeddedKeycloak) {
            Preflight.requireNoProcessUsing(var.resolve("keycloak"), "Keycloak's data");
            Preflight.requireFreePort("embedded Keycloak", KEYCLOAK_PORT, stop);
        }
        Preflight.requireFreePort("Qorgau", httpPort, stop + " Or choose another port with QORGAU_HTTP_PORT.");
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Generated once per machine and kept out of the repository: no real password is ever committed. */
    static Properties secrets(Path file) throws IOException {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                secrets.load(in);
            }
        }
        boolean changed = !Files.exists(file);
        changed |= secrets.putIfAbsent("db.password", randomSecret()) == null;
        changed |= secrets.putIfAbsent("db.app.password", randomSecret()) == null;
        changed |= secrets.putIfAbsent("keycloak.admin.password", randomSecret()) == null;
        changed |= secrets.putIfAbsent("keycloak.db.password", randomSecret()) == null;
        changed |= secrets.putIfAbsent("keycloak.web.secret", randomSecret()) == null;
        if (changed) {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            try (Writer out = Files.newBufferedWriter(file)) {
                secrets.store(out, "Generated for the embedded default; never commit");
            }
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY); // also a file written by an earlier version, world-readable
        return secrets;
    }

    /** A password made up for one role, for this machine only; the drills and the benchmark make theirs per run. */
    public static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void say(String line) {
        System.out.println("[qorgau] " + line);
    }
}
