package kz.qorgau.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The embedded default: PostgreSQL, Keycloak and Qorgau on one machine with only a JDK, until Ctrl-C.
 * When QORGAU_DB_URL or QORGAU_OIDC_ISSUER are set, the external service is used and the embedded one is not started.
 */
public final class Launcher {

    static final int DATABASE_PORT = 15432;
    static final int KEYCLOAK_PORT = 8180;

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("qorgau.home", ".")).toAbsolutePath().normalize();
        Path runtime = Path.of(System.getProperty("qorgau.runtime.dir", home.resolve("infra/target/runtime").toString()));
        new Launcher().run(home, runtime, System.getenv());
    }

    private void run(Path home, Path runtime, Map<String, String> env) throws Exception {
        long started = System.nanoTime();
        Path var = Files.createDirectories(home.resolve("var"));
        Properties secrets = secrets(var.resolve("secrets.properties"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "qorgau-stop"));

        Map<String, String> app = new HashMap<>();
        int httpPort = Integer.parseInt(env.getOrDefault("QORGAU_HTTP_PORT", "8080"));

        if (env.containsKey("QORGAU_DB_URL")) {
            say("Database: external (QORGAU_DB_URL)");
        } else {
            say("Starting PostgreSQL (embedded, data in var/postgres) ...");
            EmbeddedDatabase database = keep(EmbeddedDatabase.start(var.resolve("postgres"), var.resolve("postgres-bin"), DATABASE_PORT));
            database.ensureDatabase("qorgau", secrets.getProperty("db.password"));
            database.ensureLoginRole("qorgau_app", secrets.getProperty("db.app.password"));
            app.put("QORGAU_DB_URL", database.jdbcUrl("qorgau"));
            app.put("QORGAU_DB_USER", "qorgau_app");
            app.put("QORGAU_DB_PASSWORD", secrets.getProperty("db.app.password"));
            app.put("QORGAU_DB_MIGRATION_USER", "qorgau");
            app.put("QORGAU_DB_MIGRATION_PASSWORD", secrets.getProperty("db.password"));
            app.putIfAbsent("QORGAU_DEMO_DATA", env.getOrDefault("QORGAU_DEMO_DATA", "true"));
        }

        EmbeddedKeycloak keycloak = null;
        if (env.containsKey("QORGAU_OIDC_ISSUER")) {
            say("Identity: external Keycloak (QORGAU_OIDC_ISSUER)");
        } else {
            say("Starting Keycloak (embedded, realm qorgau, data in var/keycloak) ...");
            String realm = EmbeddedKeycloak.demoRealm();
            keycloak = keep(EmbeddedKeycloak.start(runtime.resolve("keycloak-quarkus-dist.zip"), var.resolve("keycloak"),
                    KEYCLOAK_PORT, realm, secrets.getProperty("keycloak.admin.password"), false, var.resolve("logs/keycloak.log")));
            app.put("QORGAU_OIDC_ISSUER", keycloak.issuer());
            app.put("QORGAU_OIDC_CLIENT_ID", "qorgau-web");
            app.put("QORGAU_OIDC_CLIENT_SECRET", EmbeddedKeycloak.clientSecret(realm, "qorgau-web"));
        }

        say("Starting Qorgau on Payara Micro ...");
        PayaraMicro payara = keep(PayaraMicro.start(runtime.resolve("payara-micro.jar"), runtime.resolve("ROOT.war"),
                var.resolve("payara"), httpPort, app, var.resolve("logs/payara.log")));
        if (keycloak != null) {
            keycloak.awaitReady();
            say("Keycloak ready at " + keycloak.baseUrl() + " (admin console user 'admin', password in var/secrets.properties)");
        }
        payara.awaitReady();

        say("");
        say("Qorgau is ready in %d s: %s".formatted((System.nanoTime() - started) / 1_000_000_000L, payara.baseUrl()));
        if (keycloak != null) {
            say("Sign in as a demo user, password 'demo': aigerim and zhanar (social workers, Almaty), dana (Astana),");
            say("  nurlan and gulnara (supervisors), serik (police), aliya (court), madina (NGO), asel (analyst), admin,");
            say("  guest (no role).");
        }
        say("Logs in var/logs. Press Ctrl-C to stop everything.");
        int exit = payara.waitFor();
        say("Payara Micro stopped (exit " + exit + ")");
    }

    private <T extends AutoCloseable> T keep(T service) {
        running.push(service);
        return service;
    }

    private void stopAll() {
        if (running.isEmpty()) {
            return;
        }
        say("Stopping ...");
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                say("while stopping: " + e.getMessage());
            }
        }
        say("Stopped.");
    }

    /** Generated once per machine and kept out of the repository: no real password is ever committed. */
    private static Properties secrets(Path file) throws IOException {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                secrets.load(in);
            }
        }
        boolean changed = secrets.putIfAbsent("db.password", randomSecret()) == null;
        changed |= secrets.putIfAbsent("db.app.password", randomSecret()) == null;
        changed |= secrets.putIfAbsent("keycloak.admin.password", randomSecret()) == null;
        if (changed) {
            try (Writer out = Files.newBufferedWriter(file)) {
                secrets.store(out, "Generated for the embedded default; never commit");
            }
        }
        return secrets;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void say(String line) {
        System.out.println("[qorgau] " + line);
    }
}
