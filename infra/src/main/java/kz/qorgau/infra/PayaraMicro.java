package kz.qorgau.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Qorgau WAR on Payara Micro, started as a child process so that its classpath stays its own. */
public final class PayaraMicro extends ChildServer {

    /** MicroProfile Health's readiness endpoint, which Payara Micro serves only for the WAR at the root context. */
    static final String READINESS_PATH = "/health/ready";

    private final int port;

    private PayaraMicro(ChildProcess process, int port) {
        super(process);
        this.port = port;
    }

    /**
     * The application's configuration on an embedded stack: the app role and the schema owner of the database, the
     * realm's issuer and the web client's secret, and whether to generate demo data.
     */
    public static Map<String, String> environment(String jdbcUrl, String appPassword, String ownerPassword, String issuer,
                                                  String clientSecret, boolean demoData) {
        return Map.of(
                "QORGAU_DB_URL", jdbcUrl,
                "QORGAU_DB_USER", "qorgau_app",
                "QORGAU_DB_PASSWORD", appPassword,
                "QORGAU_DB_MIGRATION_USER", "qorgau",
                "QORGAU_DB_MIGRATION_PASSWORD", ownerPassword,
                "QORGAU_OIDC_ISSUER", issuer,
                "QORGAU_OIDC_CLIENT_ID", "qorgau-web",
                "QORGAU_OIDC_CLIENT_SECRET", clientSecret,
                "QORGAU_DEMO_DATA", Boolean.toString(demoData));
    }

    public static PayaraMicro start(Path microJar, Path war, Path rootDirectory, int port,
                                    Map<String, String> environment, Path log) throws IOException {
        return start(microJar, war, rootDirectory, port, environment, log, STANDALONE);
    }

    /** One JVM alone: no Data Grid, so nothing of it looks for other members on the network. */
    static final List<String> STANDALONE = List.of("--nocluster");

    /**
     * A member of the Data Grid {@code members} (host:port of every member, this one included), found by TCP/IP on
     * loopback only, never by multicast. Host-aware partitioning is off: it would keep no backup of a session on a
     * member with the same address, and on one machine every member has the same address, so a killed node would take
     * its sessions with it.
     */
    static List<String> clusterMember(String name, int dataGridPort, List<String> members) {
        if (!members.contains("127.0.0.1:" + dataGridPort)) {
            throw new IllegalArgumentException("member " + name + " (127.0.0.1:" + dataGridPort + ") missing from " + members);
        }
        return List.of("--name", name, "--clustername", "qorgau", "--clustermode", "tcpip:" + String.join(",", members),
                "--startport", Integer.toString(dataGridPort), "--interfaces", "127.0.0.1", "--nohostaware");
    }

    /** Starts the WAR; {@code clustering} is {@link #STANDALONE} or {@link #clusterMember}'s arguments. */
    public static PayaraMicro start(Path microJar, Path war, Path rootDirectory, int port,
                                    Map<String, String> environment, Path log, List<String> clustering) throws IOException {
        Directories.deleteRecursively(rootDirectory); // a kept root directory would redeploy yesterday's WAR first
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path temporary = Files.createDirectories(rootDirectory.resolve("tmp"));
        // The port stays closed until the WAR is deployed: a client then meets "connection refused", which every
        // client retries, instead of Payara's 404 page and empty 500s while the application is not there yet.
        String listener = "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.enabled=";
        Path preboot = Files.writeString(rootDirectory.resolve("preboot.asadmin"), listener + "false\n");
        Path postdeploy = Files.writeString(rootDirectory.resolve("postdeploy.asadmin"), listener + "true\n");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-Djava.io.tmpdir=" + temporary));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", microJar.toString()));
        command.addAll(deployment(war.toString(), port));
        command.addAll(clustering);
        command.addAll(List.of("--rootdir", rootDirectory.toString(),
                "--prebootcommandfile", preboot.toString(), "--postdeploycommandfile", postdeploy.toString()));
        return new PayaraMicro(ChildProcess.start("Payara Micro", command, rootDirectory.getParent(), environment, log), port);
    }

    /**
     * Options of the JVM, here, in the tests' Payara (arquillian.xml) and in a Kubernetes pod (JDK_JAVA_OPTIONS in
     * infra/kubernetes/deployment.yaml). Payara's JSON-P reads {@code jakarta.json.provider} once, when the server
     * first uses JSON, and without it scans the class path for its provider at every {@code Json.create…} call: MP-JWT
     * makes several per API request, a fifth of the CPU of a search by case number. Set later, by the application, it
     * is never read.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl");

    /** How the WAR is deployed, here and in a Kubernetes pod (infra/kubernetes/deployment.yaml) alike. */
    static List<String> deployment(String war, int port) {
        return List.of("--deploy", war, "--contextroot", "/", "--port", Integer.toString(port));
    }

    /** Ready means the application answered its readiness check, which includes the database. */
    public void awaitReady() throws IOException, InterruptedException {
        process.awaitReady("http://localhost:" + port + READINESS_PATH, Duration.ofMinutes(3));
    }

    public String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

}
