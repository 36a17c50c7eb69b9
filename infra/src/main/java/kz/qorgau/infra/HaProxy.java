package kz.qorgau.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * HAProxy from Debian's packages in front of the application nodes: it sends a request only to a node whose
 * MicroProfile Health readiness answers 200, keeps a browser on the node it began on (a cookie naming the node) while
 * that node lives, and sends it to another one, with the session the Data Grid kept, when it does not. Its own log
 * has only what changes in the nodes' health, with the time, never a request line: request lines may carry case
 * numbers. The drill's proxy adds a line per request without any of the request but its method.
 */
public final class HaProxy extends ChildServer {

    static final String COOKIE = "QORGAU_NODE";
    /** MicroProfile Health's liveness: the node runs, whether or not its database answers. */
    static final String LIVENESS_PATH = "/health/live";
    private static final List<Path> KNOWN = List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/bin/haproxy"),
            Path.of("/usr/local/sbin/haproxy"));

    private final int port;

    private HaProxy(ChildProcess process, int port) {
        super(process);
        this.port = port;
    }

    /**
     * A line per request for the drill, to tell which side closed a connection: the node and the termination state
     * ({@code %tsc}, e.g. {@code CD} the client went away, {@code SH} the node closed before its headers), the timers
     * and the connection counts, with the method and nothing else of the request (no address, path or query: a case
     * number lives there).
     */
    static final String REQUEST_LOG_FORMAT = "%tr %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %HM";

    /**
     * The proxy's configuration: {@code port} on every interface, the nodes on loopback at {@code nodePorts}; with
     * {@code requestLog}, a line per request in {@link #REQUEST_LOG_FORMAT} (the drill).
     */
    static String configuration(int port, List<Integer> nodePorts, boolean requestLog) {
        StringBuilder cfg = new StringBuilder("""
                # written by the cluster run at each start; edits are lost
                global
                    log stdout format iso local0 %s
                    maxconn 4000

                defaults
                    mode http
                    log global
                    option dontlognull%s
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout http-request 10s
                    # a node that refuses the connection (killed, restarting) is not the user's error: try another
                    retries 2
                    option redispatch 1
                    retry-on conn-failure empty-response

                frontend qorgau
                    bind :%d
                    option forwardfor
                    # a POST the node may have applied before it died is not sent again (a note written twice);
                    # one whose connection was refused never reached a node, and goes to another
                    http-request disable-l7-retry if METH_POST
                    # no node ready (the database is down for all): a live one still answers, with the application's
                    # own 503 page or notice, rather than the proxy's bare 503; sessions are in the Data Grid
                    use_backend live_nodes if { nbsrv(nodes) eq 0 }
                %s    default_backend nodes

                backend nodes
                    balance roundrobin
                    option httpchk
                    http-check send meth GET uri %s ver HTTP/1.1 hdr Host localhost
                    http-check expect status 200
                    cookie %s insert indirect nocache httponly
                    default-server inter 2s fall 2 rise 2
                """.formatted(requestLog ? "info" : "notice", requestLog ? "\n    log-format \"" + REQUEST_LOG_FORMAT + "\"" : "",
                port, stayOnHerNode(nodePorts.size()), PayaraMicro.READINESS_PATH, COOKIE));
        for (int i = 0; i < nodePorts.size(); i++) {
            String name = ClusterLauncher.nodeName(i + 1);
            cfg.append("    server ").append(name).append(" 127.0.0.1:").append(nodePorts.get(i))
                    .append(" check cookie ").append(name).append('\n');
        }
        cfg.append("""

                backend live_nodes
                    balance roundrobin
                    option httpchk
                    http-check send meth GET uri %s ver HTTP/1.1 hdr Host localhost
                    http-check expect status 200
                    # the same cookie as the nodes': a user stays on her node during an outage too. Sent to the other
                    # one, she would make it fetch her session from the Data Grid for a 503 page, which a node just
                    # restarted took 15-22 s to do under the drill's load
                    cookie %s insert indirect nocache httponly
                    default-server inter 2s fall 2 rise 1
                """.formatted(LIVENESS_PATH, COOKIE));
        for (int i = 0; i < nodePorts.size(); i++) {
            String name = ClusterLauncher.nodeName(i + 1);
            cfg.append("    server ").append(name).append(" 127.0.0.1:").append(nodePorts.get(i))
                    .append(" check cookie ").append(name).append('\n');
        }
        return cfg.toString();
    }

    /**
     * A user whose node is alive but not ready (the database just came back and its readiness has not caught up, or
     * is still away for it) stays on it through {@code live_nodes}: moved to another node for that moment, she would
     * post her page to a node holding an older copy of her session (the drill met Mojarra failing to restore the view
     * there, as the nodes' readiness came back 0.7 s apart). Only a node that is not even alive loses its users.
     */
    private static String stayOnHerNode(int nodes) {
        StringBuilder rules = new StringBuilder();
        for (int node = 1; node <= nodes; node++) {
            String name = ClusterLauncher.nodeName(node);
            rules.append("    use_backend live_nodes if { req.cook(").append(COOKIE).append(") ").append(name)
                    .append(" } !{ srv_is_up(nodes/").append(name).append(") } { srv_is_up(live_nodes/").append(name).append(") }\n");
        }
        return rules.toString();
    }

    public static HaProxy start(Path executable, Path configuration, int port, List<Integer> nodePorts, Path log,
                                boolean requestLog) throws IOException {
        Files.writeString(configuration, configuration(port, nodePorts, requestLog));
        List<String> command = List.of(executable.toString(), "-db", "-f", configuration.toString());
        return new HaProxy(ChildProcess.start("HAProxy", command, configuration.getParent(), java.util.Map.of(), log), port);
    }

    /** Ready when a request through it reaches a ready node. */
    public void awaitReady() throws IOException, InterruptedException {
        process.awaitReady(baseUrl() + PayaraMicro.READINESS_PATH.substring(1), Duration.ofSeconds(30));
    }

    public String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    /**
     * The installed haproxy; installed from Debian's packages first when missing and this process may: as root, or
     * through {@code sudo} when it asks no password (as {@code .ci/install-chromium} installs the browser).
     */
    public static Path locateOrInstall(Consumer<String> say, Path log) throws IOException, InterruptedException {
        Optional<Path> found = locate();
        if (found.isPresent()) {
            return found.get();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean sudo = !root && locate("sudo").isPresent() && run(log, List.of("sudo", "-n", "true")) == 0;
        if (!(root || sudo) || locate("apt-get").isEmpty()) {
            throw new IOException("HAProxy is not installed, and this Run cannot install it (it needs root or sudo, and apt-get)."
                    + " Install it (Debian, Ubuntu: sudo apt-get install haproxy), then start the cluster again.");
        }
        say.accept("HAProxy is not installed: installing it from Debian's packages (apt-get install -y haproxy) ...");
        if (apt(log, sudo, "install", "-y", "haproxy") != 0) {
            say.accept("  the package lists may be old: apt-get update, then once more ...");
            apt(log, sudo, "update");
            if (apt(log, sudo, "install", "-y", "haproxy") != 0) {
                throw new IOException("apt-get install -y haproxy failed; see " + log + ". Install HAProxy by hand, then"
                        + " start the cluster again.");
            }
        }
        return locate().orElseThrow(() -> new IOException("haproxy installed but not found; see " + log));
    }

    private static int apt(Path log, boolean sudo, String... arguments) throws IOException, InterruptedException {
        Stream<String> apt = Stream.concat(Stream.of("apt-get"), Stream.of(arguments));
        return run(log, (sudo ? Stream.concat(Stream.of("sudo", "-n", "DEBIAN_FRONTEND=noninteractive"), apt) : apt).toList());
    }

    private static int run(Path log, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static Optional<Path> locate() {
        return KNOWN.stream().filter(Files::isExecutable).findFirst().or(() -> locate("haproxy"));
    }

    private static Optional<Path> locate(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        return Stream.of(path.split(":")).filter(d -> !d.isEmpty()).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst();
    }
}
