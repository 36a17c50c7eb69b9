package kz.qorgau.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * The cluster run, on one machine: PostgreSQL and a streaming standby of it, Keycloak in production mode on its own
 * database of that PostgreSQL, N Payara Micro nodes of the same WAR in one Data Grid (Hazelcast, TCP/IP on loopback),
 * and HAProxy in front, until Ctrl-C. Its data are in {@code var/cluster}, apart from the Run's. Like the Run it
 * starts nothing beside a server it did not start, restarts a node or Keycloak that dies (three times at most) and
 * stops everything when a database dies.
 */
public final class ClusterLauncher {

    static final int STANDBY_PORT = 15433;
    static final int FIRST_NODE_PORT = 8081;
    static final int FIRST_DATA_GRID_PORT = 6911;
    static final int MAX_NODES = 9;

    /** Where the proxy and each node listen, and the Data Grid's members. */
    record Layout(int proxyPort, int nodes) {
        Layout {
            if (nodes < 1 || nodes > MAX_NODES) {
                throw new IllegalArgumentException("QORGAU_NODES must be 1 to " + MAX_NODES + ", not " + nodes);
            }
        }

        static Layout from(Map<String, String> env) {
            int nodes;
            try {
                nodes = Integer.parseInt(env.getOrDefault("QORGAU_NODES", "2").trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("QORGAU_NODES must be a number of nodes, 1 to " + MAX_NODES);
            }
            return new Layout(Integer.parseInt(env.getOrDefault("QORGAU_HTTP_PORT", Integer.toString(Launcher.HTTP_PORT))), nodes);
        }

        int nodePort(int node) {
            return FIRST_NODE_PORT + node - 1;
        }

        int dataGridPort(int node) {
            return FIRST_DATA_GRID_PORT + node - 1;
        }

        List<Integer> nodePorts() {
            return IntStream.rangeClosed(1, nodes).map(this::nodePort).boxed().toList();
        }

        List<String> members() {
            return IntStream.rangeClosed(1, nodes).mapToObj(n -> "127.0.0.1:" + dataGridPort(n)).toList();
        }

        List<String> clusterArguments(int node) {
            return PayaraMicro.clusterMember(nodeName(node), dataGridPort(node), members());
        }
    }

    static String nodeName(int node) {
        return "node-" + node;
    }

    private final Supervisor supervisor = new Supervisor(ClusterLauncher::say);

    public static void main(String[] args) throws Exception {
        ClusterLauncher launcher = new ClusterLauncher();
        Launcher.runUntilStopped(launcher.supervisor, launcher::runSupervised);
    }

    private void runSupervised(Path home, Path runtime, Map<String, String> env) throws Exception {
        long started = System.nanoTime();
        Layout layout = Layout.from(env);
        if (env.containsKey("QORGAU_DB_URL") || env.containsKey("QORGAU_OIDC_ISSUER") || "real".equalsIgnoreCase(env.get("QORGAU_MODE"))) {
            throw new IllegalArgumentException("The cluster run is the demo on one machine: it starts its own PostgreSQL and"
                    + " Keycloak. Unset QORGAU_DB_URL, QORGAU_OIDC_ISSUER and QORGAU_MODE for it.");
        }
        Path var = Files.createDirectories(home.resolve("var"));
        Files.setPosixFilePermissions(var, PosixFilePermissions.fromString("rwx------"));
        Properties secrets = Launcher.secrets(var.resolve("secrets.properties"));
        Path cluster = Files.createDirectories(var.resolve("cluster"));
        Path logs = Files.createDirectories(cluster.resolve("logs"));
        preflight(cluster, layout);
        Path haproxy = HaProxy.locateOrInstall(ClusterLauncher::say, logs.resolve("apt-get.log"));
        say("Cluster run (demo): %d application nodes behind HAProxy, data in var/cluster".formatted(layout.nodes()));

        say("Starting PostgreSQL (embedded, primary, data in var/cluster/postgres) ...");
        EmbeddedDatabase primary = supervisor.add("PostgreSQL", EmbeddedDatabase.start(cluster.resolve("postgres"),
                var.resolve("postgres-bin"), Launcher.DATABASE_PORT, logs.resolve("postgres.log")), 0, null);
        primary.ensureDatabase("qorgau", secrets.getProperty("db.password"));
        primary.ensureLoginRole("qorgau_app", secrets.getProperty("db.app.password"));
        primary.ensureDatabase("keycloak", secrets.getProperty("keycloak.db.password"));

        boolean made = EmbeddedStandby.prepare(cluster.resolve("postgres"), primary.port(), cluster.resolve("standby"));
        say((made ? "Made a standby (base backup through pg_backup_start/stop); s" : "S")
                + "tarting it (streaming replication, data in var/cluster/standby) ...");
        EmbeddedDatabase standby = supervisor.add("PostgreSQL standby", EmbeddedDatabase.start(cluster.resolve("standby"),
                var.resolve("postgres-bin"), STANDBY_PORT, logs.resolve("standby.log")), 0, null);
        String lag = EmbeddedStandby.awaitStreaming(primary.port(), Duration.ofMinutes(1));
        say("Standby streaming from the primary (replay lag " + lag + ") at localhost:" + standby.port());

        say("Starting Keycloak (production mode, data in the database keycloak, realm qorgau with the demo users) ...");
        String realm = EmbeddedKeycloak.demoRealm();
        Supervisor.Restart startKeycloak = () -> EmbeddedKeycloak.startProduction(runtime.resolve("keycloak-quarkus-dist.zip"),
                cluster.resolve("keycloak"), "localhost", Launcher.KEYCLOAK_PORT, realm,
                secrets.getProperty("keycloak.admin.password"), primary.jdbcUrl("keycloak"), "keycloak",
                secrets.getProperty("keycloak.db.password"), logs.resolve("keycloak.log"));
        EmbeddedKeycloak keycloak = supervisor.add("Keycloak", (EmbeddedKeycloak) startKeycloak.start(), Launcher.RESTARTS, () -> {
            EmbeddedKeycloak again = (EmbeddedKeycloak) startKeycloak.start();
            again.awaitReady();
            return again;
        });

        Map<String, String> app = new HashMap<>(PayaraMicro.environment(primary.jdbcUrl("qorgau"),
                secrets.getProperty("db.app.password"), secrets.getProperty("db.password"), keycloak.issuer(),
                EmbeddedKeycloak.clientSecret(realm, "qorgau-web"),
                Boolean.parseBoolean(env.getOrDefault("QORGAU_DEMO_DATA", "true"))));
        // statistics and list exports read from the standby (ReadDatabase); writes never do
        app.put("QORGAU_DB_READ_URL", standby.jdbcUrl("qorgau"));

        // one node first: it migrates the schema and makes the demo data alone, and the others join its Data Grid
        for (int node = 1; node <= layout.nodes(); node++) {
            int n = node;
            say("Starting " + nodeName(n) + " (Payara Micro) on port " + layout.nodePort(n) + ", Data Grid port "
                    + layout.dataGridPort(n) + " ...");
            Supervisor.Restart startNode = () -> PayaraMicro.start(runtime.resolve("payara-micro.jar"), runtime.resolve("ROOT.war"),
                    cluster.resolve("payara-" + n), layout.nodePort(n), app, logs.resolve("payara-" + n + ".log"),
                    layout.clusterArguments(n));
            PayaraMicro payara = supervisor.add(nodeName(n), (PayaraMicro) startNode.start(), Launcher.RESTARTS, () -> {
                PayaraMicro again = (PayaraMicro) startNode.start();
                again.awaitReady();
                return again;
            });
            if (n == 1) {
                keycloak.awaitReady();
                say("Keycloak ready at " + keycloak.baseUrl() + " (admin console user 'admin', password in var/secrets.properties)");
            }
            payara.awaitReady();
            say(nodeName(n) + " ready (pid " + payara.pid() + ")");
        }

        HaProxy proxy = supervisor.add("HAProxy", HaProxy.start(haproxy, cluster.resolve("haproxy.cfg"), layout.proxyPort(),
                layout.nodePorts(), logs.resolve("haproxy.log")), Launcher.RESTARTS, null);
        proxy.awaitReady();

        say("");
        say("Qorgau cluster is ready in %d s: %s (HAProxy; nodes at %s)".formatted(
                (System.nanoTime() - started) / 1_000_000_000L, proxy.baseUrl(),
                String.join(", ", layout.nodePorts().stream().map(p -> "localhost:" + p).toList())));
        say("Sign in as a demo user, password 'demo': aigerim and zhanar (social workers, Almaty), nurlan (supervisor), ...");
        say("Logs in var/cluster/logs. Press Ctrl-C to stop everything.");
        supervisor.watch(Duration.ofSeconds(1));
    }

    private static void preflight(Path cluster, Layout layout) throws IOException {
        String stop = "Stop it (a Run or another cluster run: Ctrl-C in its terminal), then start again.";
        Preflight.requireUnusedPostgresData(cluster.resolve("postgres"));
        Preflight.requireUnusedPostgresData(cluster.resolve("standby"));
        Preflight.requireNoProcessUsing(cluster.resolve("keycloak"), "Keycloak's installation");
        Preflight.requireFreePort("embedded PostgreSQL", Launcher.DATABASE_PORT, stop);
        Preflight.requireFreePort("PostgreSQL standby", STANDBY_PORT, stop);
        Preflight.requireFreePort("embedded Keycloak", Launcher.KEYCLOAK_PORT, stop);
        Preflight.requireFreePort("HAProxy", layout.proxyPort(), stop + " Or choose another port with QORGAU_HTTP_PORT.");
        for (int node = 1; node <= layout.nodes(); node++) {
            Preflight.requireFreePort(nodeName(node), layout.nodePort(node), stop);
            Preflight.requireFreePort(nodeName(node) + "'s Data Grid", layout.dataGridPort(node), stop);
        }
    }

    private static void say(String line) {
        System.out.println("[qorgau] " + line);
    }
}
