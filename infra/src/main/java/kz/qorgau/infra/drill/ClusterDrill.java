package kz.qorgau.infra.drill;

import kz.qorgau.infra.ClusterLauncher;
import kz.qorgau.infra.ClusterStack;
import kz.qorgau.infra.Directories;
import kz.qorgau.infra.EmbeddedDatabase;
import kz.qorgau.infra.EmbeddedKeycloak;
import kz.qorgau.infra.HaProxy;
import kz.qorgau.infra.Launcher;
import kz.qorgau.infra.Machine;
import kz.qorgau.infra.PayaraMicro;
import kz.qorgau.infra.Preflight;
import kz.qorgau.infra.Supervisor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cluster drill of issue 12: the cluster run's stack (primary and standby, Keycloak in production mode, two
 * Payara Micro nodes in one Data Grid, HAProxy), on ports and in a folder of its own ({@code var/cluster-drill},
 * a fresh database each time), and 50 simulated users in browsers through the proxy, each signed in once on
 * Keycloak's form. While they work, first nothing happens; then the node serving most of their sessions is killed
 * with {@code kill -9} and the supervisor starts it again, as the cluster run would; then the primary database is
 * stopped and started again. The drill then reads every note back from the database and prints, per scenario, what
 * failed as the users saw it, who had to sign in again, which acknowledged notes are missing or stored twice, and how
 * long the recovery took. Not a test: nothing asserts, and neither {@code ./mvnw verify} nor CI runs it.
 */
public final class ClusterDrill {

    /**
     * How large a drill is and where it runs: the README's command runs {@link #FULL}; {@code ClusterDrillIT} a small
     * one that fits the CI time, on ports of its own.
     *
     * @param calm         load before each fault, and after its recovery
     * @param databaseDown how long the primary stays down: long enough for every user to meet it
     */
    public record Plan(int users, ClusterLauncher.Layout layout, Duration calm, Duration databaseDown) {

        /** The same drill with {@code nodes} application nodes, their ports following on from the first's. */
        public Plan withNodes(int nodes) {
            ClusterLauncher.Layout l = layout;
            return new Plan(users, new ClusterLauncher.Layout(l.proxyPort(), nodes, l.databasePort(), l.standbyPort(),
                    l.keycloakPort(), l.firstNodePort(), l.firstDataGridPort()), calm, databaseDown);
        }
    }

    public static final Plan FULL = new Plan(50, new ClusterLauncher.Layout(48080, 2, 45432, 45433, 48180, 48081, 46911),
            Duration.ofSeconds(20), Duration.ofSeconds(10));
    /** The CI's drill ({@code ClusterDrillIT}): the same scenarios with fewer users and shorter calms, on ports of its own. */
    public static final Plan SMALL = new Plan(10, new ClusterLauncher.Layout(47080, 2, 47432, 47433, 47180, 47081, 47911),
            Duration.ofSeconds(12), Duration.ofSeconds(8));
    /** Social workers of the demo realm with cases of their own organisation to write notes on. */
    static final List<String> WRITERS = List.of("aigerim", "dana");
    static final Duration GIVE_UP = Duration.ofMinutes(3);
    static final String NO_FAULT = "0";
    static final String NODE_KILLED = "1";
    static final String DATABASE_STOPPED = "2";

    /** What a drill found: a row per scenario ({@link #NO_FAULT}, {@link #NODE_KILLED}, {@link #DATABASE_STOPPED}) and its report. */
    public record Result(Map<String, DrillTally.Row> rows, String report) {
    }

    private final Plan plan;
    private final Supervisor supervisor;
    private final Map<String, String> scenarios = new LinkedHashMap<>();
    private final DrillTally tally = new DrillTally();
    private final AtomicReference<String> scenario = new AtomicReference<>(NO_FAULT);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> back = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    private ClusterDrill(Plan plan, Supervisor supervisor) {
        this.plan = plan;
        this.supervisor = supervisor;
    }

    public static void main(String[] args) throws Exception {
        Supervisor supervisor = new Supervisor(ClusterDrill::say);
        Launcher.runUntilStopped(supervisor, (home, runtime, env) -> {
            Path var = Directories.ownerOnly(home.resolve("var"));
            Path folder = var.resolve("cluster-drill");
            // QORGAU_NODES as for the cluster run: the drill with three nodes or more
            Plan plan = FULL.withNodes(ClusterLauncher.nodes(env));
            Result result = new ClusterDrill(plan, supervisor).run(folder, var.resolve("postgres-bin"), runtime);
            Path file = folder.resolve("results-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".md");
            Files.writeString(file, result.report());
            say("Written to " + home.relativize(file));
        });
    }

    /**
     * Runs a drill of this plan in {@code folder} (a fresh database each time) and stops everything it started before
     * it answers, also when it fails.
     */
    public static Result run(Plan plan, Path folder, Path binaries, Path runtime) throws Exception {
        Supervisor supervisor = new Supervisor(ClusterDrill::say);
        try {
            return new ClusterDrill(plan, supervisor).run(folder, binaries, runtime);
        } finally {
            supervisor.closeAll();
        }
    }

    private Result run(Path folder, Path binaries, Path runtime) throws Exception {
        long begun = System.nanoTime();
        ClusterLauncher.Layout layout = plan.layout();
        // a fresh database each time: the demo data are made anew and nothing of an earlier drill is counted
        Preflight.requireUnusedPostgresData(folder.resolve("postgres"));
        Preflight.requireUnusedPostgresData(folder.resolve("standby"));
        Directories.deleteRecursively(folder.resolve("postgres"));
        Directories.deleteRecursively(folder.resolve("standby"));
        Properties secrets = new Properties();
        for (String key : List.of("db.password", "db.app.password", "keycloak.admin.password", "keycloak.db.password")) {
            secrets.setProperty(key, Launcher.randomSecret()); // per drill, never written down
        }
        // the demo realm lets Keycloak send a browser back to the proxy's own port only
        String realm = EmbeddedKeycloak.demoRealm().replace(":8080/", ":" + layout.proxyPort() + "/");
        ClusterStack stack = new ClusterStack(layout, folder, binaries, runtime, secrets, realm, true);
        stack.preflight();
        Path haproxy = HaProxy.locateOrInstall(ClusterDrill::say, Files.createDirectories(folder.resolve("logs")).resolve("apt-get.log"));
        say("Cluster drill: " + layout.nodes() + " nodes behind HAProxy on " + layout.proxyPort() + ", " + plan.users()
                + " users; data and logs in " + folder);
        HaProxy proxy = stack.start(supervisor, haproxy, ClusterDrill::say, true);
        String keycloak = "http://localhost:" + layout.keycloakPort();
        say("Ready in %d s".formatted((System.nanoTime() - begun) / 1_000_000_000L));

        Thread watcher = new Thread(() -> {
            try {
                supervisor.watch(Duration.ofSeconds(1));
            } catch (Exception e) {
                say("The drill's stack failed: " + e.getMessage());
                supervisor.closeAll();
            }
        }, "drill-supervisor");
        watcher.setDaemon(true);
        watcher.start();

        List<SimulatedUser> users = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < plan.users(); u++) {
            SimulatedUser user = new SimulatedUser(u, WRITERS.get(u % WRITERS.size()), proxy.baseUrl(), keycloak, tally, scenario::get);
            try {
                user.signIn();
            } catch (IOException refused) {
                notes.add("Simulated user " + u + " could not sign in at all and took no part.");
                continue;
            }
            users.add(user);
            Thread t = new Thread(user, "drill-user-" + u);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        say(users.size() + " users signed in (" + String.join(", ", WRITERS) + ", each her own session); working ...");

        scenarios.put(NO_FAULT, "0. no fault (the same load)");
        Thread.sleep(plan.calm().toMillis());
        back.put(NO_FAULT, "—");

        String node = busiestNode(users);
        int nodeNumber = Integer.parseInt(node.substring(node.indexOf('-') + 1));
        scenarios.put(NODE_KILLED, "1. " + node + " (most sessions) killed with `kill -9`, restarted by the supervisor");
        scenario.set(NODE_KILLED);
        long pid = ((PayaraMicro) supervisor.current(node)).pid();
        say("Killing " + node + " (pid " + pid + ") with kill -9 ...");
        long killed = System.nanoTime();
        new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start().waitFor();
        Double nodeBack = awaitReady("http://localhost:" + layout.nodePort(nodeNumber) + "/health/ready", killed);
        back.put(NODE_KILLED, nodeBack == null ? "not back in " + GIVE_UP.toSeconds() + " s"
                : String.format(Locale.ROOT, "%s ready again %.1f s after the kill", node, nodeBack));
        say(back.get(NODE_KILLED));
        Thread.sleep(plan.calm().toMillis());

        scenarios.put(DATABASE_STOPPED, "2. primary database stopped (`-m fast`) for " + plan.databaseDown().toSeconds() + " s, started again");
        scenario.set(DATABASE_STOPPED);
        say("Stopping the primary database for " + plan.databaseDown().toSeconds() + " s ...");
        AtomicReference<String> how = new AtomicReference<>();
        long stopped = System.nanoTime();
        long[] started = new long[1];
        supervisor.replace(ClusterStack.PRIMARY, () -> {
            how.set(((EmbeddedDatabase) supervisor.current(ClusterStack.PRIMARY)).stop("fast"));
            Thread.sleep(plan.databaseDown().toMillis());
            EmbeddedDatabase again = stack.startPrimary();
            started[0] = System.nanoTime();
            return again;
        });
        Long firstServed;
        while ((firstServed = tally.firstServedFrom(started[0])) == null && System.nanoTime() - started[0] < GIVE_UP.toNanos()) {
            Thread.sleep(200);
        }
        back.put(DATABASE_STOPPED, firstServed == null ? "not back in " + GIVE_UP.toSeconds() + " s" : String.format(Locale.ROOT,
                "users served again %.1f s after the database started (down %.1f s)",
                (firstServed - started[0]) / 1e9, (started[0] - stopped) / 1e9));
        notes.add("Scenario 2: the primary was stopped with " + how.get() + ".");
        say(back.get(DATABASE_STOPPED));
        Thread.sleep(plan.calm().toMillis());

        // no scenario after the last: a request still in flight now counts in it, as its answer comes in it
        users.forEach(SimulatedUser::stop);
        for (Thread t : threads) {
            t.join(SimulatedUser.TIMEOUT.toMillis() * 3);
        }
        Map<String, Integer> stored = storedNotes();
        Map<String, DrillTally.Row> rows = new LinkedHashMap<>();
        for (String s : scenarios.keySet()) {
            rows.put(s, tally.row(s, stored, back.get(s)));
        }
        String report = report(List.copyOf(rows.values()), stored, (System.nanoTime() - begun) / 1e9);
        System.out.println();
        System.out.println(report);
        return new Result(rows, report);
    }

    /** The node whose cookie most of the users carry: the proxy keeps each on hers while it lives. */
    private static String busiestNode(List<SimulatedUser> users) {
        Map<String, Integer> sessions = new TreeMap<>();
        users.forEach(u -> u.node().ifPresent(n -> sessions.merge(n, 1, Integer::sum)));
        say("Sessions by node: " + sessions);
        return sessions.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(ClusterLauncher.nodeName(1));
    }

    /** Seconds from {@code since} until the URL answers 200, polled as often as HAProxy's check would not matter. */
    private Double awaitReady(String url, long since) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() - since < GIVE_UP.toNanos()) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - since) / 1e9;
                }
            } catch (IOException notYet) {
                // down, or starting
            }
            Thread.sleep(250);
        }
        return null;
    }

    /** Every drill note in the database with how many times it is there, read on the primary as its superuser. */
    private Map<String, Integer> storedNotes() throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        // the embedded server trusts local connections of its superuser (initdb -A trust)
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + plan.layout().databasePort() + "/qorgau", "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select text, count(*) from case_note where text like 'drill note %' group by text")) {
            while (r.next()) {
                stored.put(r.getString(1), r.getInt(2));
            }
        }
        return stored;
    }

    private String report(List<DrillTally.Row> rows, Map<String, Integer> stored, double seconds) throws IOException {
        StringBuilder out = new StringBuilder("# Cluster drill\n\n");
        out.append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(". Machine: ").append(Machine.describe()).append(String.format(Locale.ROOT, ". The drill took %.0f s.%n%n", seconds));
        out.append(plan.users()).append(" users (").append(String.join(", ", WRITERS)).append(" in turn, each her own session) through HAProxy to ")
                .append(plan.layout().nodes()).append(" nodes, each signed in once on Keycloak's form; each over and over opens her case list (GET), ")
                .append("a case (GET) and writes a note through the case page's form (PrimeFaces AJAX POST), 1–2 s apart; ")
                .append("a note the page did not show back she looks for on the case page and writes again only when it is not there (three tries). ")
                .append("A request counts in the scenario running when its answer (or its failure) came; a trip to Keycloak counts as a failed request and in \"signed in again\" (users). ")
                .append(String.format(Locale.ROOT, "Timeout %d s. %d drill notes stored in all.%n%n", SimulatedUser.TIMEOUT.toSeconds(),
                        stored.values().stream().mapToInt(Integer::intValue).sum()));
        out.append(DrillTally.table(rows, scenarios));
        List<String> signIns = tally.signInFailures();
        if (!signIns.isEmpty()) {
            notes.add(0, signIns.size() + " first sign-in(s) failed and were tried again: " + String.join("; ", signIns));
        }
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        return out.toString();
    }


    private static void say(String line) {
        System.out.println("[qorgau cluster drill] " + line);
    }
}
