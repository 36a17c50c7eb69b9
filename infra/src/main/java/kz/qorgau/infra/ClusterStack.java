package kz.qorgau.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * What the cluster run starts, in order, under one {@link Supervisor}: the PostgreSQL primary and its streaming
 * standby, Keycloak in production mode on a database of that primary, the nodes one after the other (the first
 * migrates and makes the demo data alone) and HAProxy in front. The cluster run starts it on its own ports and
 * folder; the cluster drill on ports and a folder of its own, so that both can run on one machine.
 *
 * @param folder   the data folder ({@code var/cluster}, {@code var/cluster-drill}), logs under {@code logs}
 * @param binaries where the embedded PostgreSQL binaries are unpacked (shared with the Run)
 * @param secrets  {@code db.password}, {@code db.app.password}, {@code keycloak.admin.password}, {@code keycloak.db.password}
 * @param realm    the realm Keycloak imports when it does not exist yet, its redirects allowing the proxy's address
 */
public record ClusterStack(ClusterLauncher.Layout layout, Path folder, Path binaries, Path runtime, Properties secrets,
                           String realm, boolean demoData) {

    public static final String PRIMARY = "PostgreSQL";
    public static final String STANDBY = "PostgreSQL standby";
    public static final String KEYCLOAK = "Keycloak";
    public static final String PROXY = "HAProxy";

    /** Nothing of ours may run in this folder already, and nothing may hold a port of the layout. */
    public void preflight() throws IOException {
        String stop = "Stop it (a Run, a cluster run or a drill: Ctrl-C in its terminal), then start again.";
        Preflight.requireUnusedPostgresData(folder.resolve("postgres"));
        Preflight.requireUnusedPostgresData(folder.resolve("standby"));
        Preflight.requireNoProcessUsing(folder.resolve("keycloak"), "Keycloak's installation");
        Preflight.requireFreePort("embedded PostgreSQL", layout.databasePort(), stop);
        Preflight.requireFreePort("PostgreSQL standby", layout.standbyPort(), stop);
        Preflight.requireFreePort("embedded Keycloak", layout.keycloakPort(), stop);
        Preflight.requireFreePort("HAProxy", layout.proxyPort(), stop + " Or choose another port with QORGAU_HTTP_PORT.");
        for (int node = 1; node <= layout.nodes(); node++) {
            Preflight.requireFreePort(ClusterLauncher.nodeName(node), layout.nodePort(node), stop);
            Preflight.requireFreePort(ClusterLauncher.nodeName(node) + "'s Data Grid", layout.dataGridPort(node), stop);
        }
    }

    /**
     * Starts everything and waits until the proxy reaches a ready node; the supervisor owns all of it. With
     * {@code proxyRequestLog} the proxy logs a line per request (the drill's, see {@link HaProxy}).
     */
    public HaProxy start(Supervisor supervisor, Path haproxy, Consumer<String> say, boolean proxyRequestLog) throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        String in = folder.getParent().getFileName() + "/" + folder.getFileName();
        say.accept("Starting PostgreSQL (embedded, primary, data in " + in + "/postgres) ...");
        EmbeddedDatabase primary = supervisor.add(PRIMARY, startPrimary(), 0, null);
        primary.ensureDatabase("qorgau", secrets.getProperty("db.password"));
        primary.ensureLoginRole("qorgau_app", secrets.getProperty("db.app.password"));
        primary.ensureDatabase("keycloak", secrets.getProperty("keycloak.db.password"));

        boolean made = EmbeddedStandby.prepare(folder.resolve("postgres"), primary.port(), folder.resolve("standby"));
        say.accept((made ? "Made a standby (base backup through pg_backup_start/stop); s" : "S")
                + "tarting it (streaming replication, data in " + in + "/standby) ...");
        EmbeddedDatabase standby = supervisor.add(STANDBY, EmbeddedDatabase.start(folder.resolve("standby"), binaries,
                layout.standbyPort(), logs.resolve("standby.log")), 0, null);
        String lag = EmbeddedStandby.awaitStreaming(primary.port(), Duration.ofMinutes(1));
        say.accept("Standby streaming from the primary (replay lag " + lag + ") at localhost:" + standby.port());

        say.accept("Starting Keycloak (production mode, data in the database keycloak, realm qorgau with the demo users) ...");
        Supervisor.Restart startKeycloak = () -> EmbeddedKeycloak.startProduction(runtime.resolve("keycloak-quarkus-dist.zip"),
                folder.resolve("keycloak"), "localhost", layout.keycloakPort(), realm,
                secrets.getProperty("keycloak.admin.password"), primary.jdbcUrl("keycloak"), "keycloak",
                secrets.getProperty("keycloak.db.password"), logs.resolve("keycloak.log"));
        EmbeddedKeycloak keycloak = supervisor.add(KEYCLOAK, (EmbeddedKeycloak) startKeycloak.start(), Launcher.RESTARTS, startKeycloak);

        Map<String, String> app = new HashMap<>(PayaraMicro.environment(primary.jdbcUrl("qorgau"),
                secrets.getProperty("db.app.password"), secrets.getProperty("db.password"), keycloak.issuer(),
                EmbeddedKeycloak.clientSecret(realm, "qorgau-web"), demoData));
        // statistics and list exports read from the standby (ReadDatabase); writes never do
        app.put("QORGAU_DB_READ_URL", standby.jdbcUrl("qorgau"));

        // one node first: it migrates the schema and makes the demo data alone, and the others join its Data Grid
        for (int node = 1; node <= layout.nodes(); node++) {
            int n = node;
            say.accept("Starting " + ClusterLauncher.nodeName(n) + " (Payara Micro) on port " + layout.nodePort(n)
                    + ", Data Grid port " + layout.dataGridPort(n) + " ...");
            Supervisor.Restart startNode = () -> PayaraMicro.start(runtime.resolve("payara-micro.jar"), runtime.resolve("ROOT.war"),
                    folder.resolve("payara-" + n), layout.nodePort(n), app, logs.resolve("payara-" + n + ".log"),
                    layout.clusterArguments(n));
            PayaraMicro payara = supervisor.add(ClusterLauncher.nodeName(n), (PayaraMicro) startNode.start(), Launcher.RESTARTS, startNode);
            if (n == 1) {
                keycloak.awaitReady();
                say.accept("Keycloak ready at " + keycloak.baseUrl());
            }
            payara.awaitReady();
            say.accept(ClusterLauncher.nodeName(n) + " ready (pid " + payara.pid() + ")");
        }

        HaProxy proxy = supervisor.add(PROXY, HaProxy.start(haproxy, folder.resolve("haproxy.cfg"), layout.proxyPort(),
                layout.nodePorts(), logs.resolve("haproxy.log"), proxyRequestLog), Launcher.RESTARTS, null);
        proxy.awaitReady();
        return proxy;
    }

    /** The primary on its folder and port, as at the first start and after a drill stopped it. */
    public EmbeddedDatabase startPrimary() throws IOException {
        return EmbeddedDatabase.start(folder.resolve("postgres"), binaries, layout.databasePort(),
                folder.resolve("logs").resolve("postgres.log"));
    }

    public List<String> nodeNames() {
        return java.util.stream.IntStream.rangeClosed(1, layout.nodes()).mapToObj(ClusterLauncher::nodeName).toList();
    }
}
