package kz.qorgau.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    public static final int MAX_NODES = 9;

    /** Where the databases, Keycloak, the proxy and each node listen, and the Data Grid's members. */
    public record Layout(int proxyPort, int nodes, int databasePort, int standbyPort, int keycloakPort, int firstNodePort,
                         int firstDataGridPort) {
        public Layout {
            if (nodes < 1 || nodes > MAX_NODES) {
                throw new IllegalArgumentException("QORGAU_NODES must be 1 to " + MAX_NODES + ", not " + nodes);
            }
        }

        /** The cluster run's: the Run's ports for the proxy, PostgreSQL and Keycloak. */
        Layout(int proxyPort, int nodes) {
            this(proxyPort, nodes, Launcher.DATABASE_PORT, STANDBY_PORT, Launcher.KEYCLOAK_PORT, FIRST_NODE_PORT,
                    FIRST_DATA_GRID_PORT);
        }

        static Layout from(Map<String, String> env) {
            return new Layout(Integer.parseInt(env.getOrDefault("QORGAU_HTTP_PORT", Integer.toString(Launcher.HTTP_PORT))), ClusterLauncher.nodes(env));
        }

        public int nodePort(int node) {
            return firstNodePort + node - 1;
        }

        public int dataGridPort(int node) {
            return firstDataGridPort + node - 1;
        }

        public List<Integer> nodePorts() {
            return IntStream.rangeClosed(1, nodes).map(this::nodePort).boxed().toList();
        }

        List<String> members() {
            return IntStream.rangeClosed(1, nodes).mapToObj(n -> "127.0.0.1:" + dataGridPort(n)).toList();
        }

        List<String> clusterArguments(int node) {
            return PayaraMicro.clusterMember(nodeName(node), dataGridPort(node), members());
        }
    }

    /** How many application nodes {@code QORGAU_NODES} asks for, two when it is not set. */
    public static int nodes(Map<String, String> env) {
        int nodes;
        try {
            nodes = Integer.parseInt(env.getOrDefault("QORGAU_NODES", "2").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("QORGAU_NODES must be a number of nodes, 1 to " + MAX_NODES);
        }
        return nodes; // its range is the layout's to check
    }

    public static String nodeName(int node) {
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
        Path var = Directories.ownerOnly(home.resolve("var"));
        Properties secrets = Launcher.secrets(var.resolve("secrets.properties"));
        Path cluster = Files.createDirectories(var.resolve("cluster"));
        Path logs = Files.createDirectories(cluster.resolve("logs"));
        ClusterStack stack = new ClusterStack(layout, cluster, var.resolve("postgres-bin"), runtime, secrets,
                EmbeddedKeycloak.demoRealm(), Boolean.parseBoolean(env.getOrDefault("QORGAU_DEMO_DATA", "true")));
        stack.preflight();
        Path haproxy = HaProxy.locateOrInstall(ClusterLauncher::say, logs.resolve("apt-get.log"));
        say("Cluster run (demo): %d application nodes behind HAProxy, data in var/cluster".formatted(layout.nodes()));
        HaProxy proxy = stack.start(supervisor, haproxy, ClusterLauncher::say, false);

        say("");
        say("Qorgau cluster is ready in %d s: %s (HAProxy; nodes at %s)".formatted(
                (System.nanoTime() - started) / 1_000_000_000L, proxy.baseUrl(),
                String.join(", ", layout.nodePorts().stream().map(p -> "localhost:" + p).toList())));
        say("Sign in as a demo user, password 'demo': aigerim and zhanar (social workers, Almaty), nurlan (supervisor), ...");
        say("Keycloak's admin console: user 'admin', password in var/secrets.properties. Logs in var/cluster/logs.");
        say("Press Ctrl-C to stop everything.");
        supervisor.watch(Duration.ofSeconds(1));
    }

    private static void say(String line) {
        System.out.println("[qorgau] " + line);
    }
}
