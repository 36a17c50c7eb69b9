package kz.qorgau.infra.drill;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import kz.qorgau.infra.Directories;
import kz.qorgau.infra.EmbeddedDatabase;
import kz.qorgau.infra.Launcher;
import kz.qorgau.infra.Machine;
import kz.qorgau.infra.EmbeddedKeycloak;
import kz.qorgau.infra.PayaraMicro;
import kz.qorgau.infra.Preflight;

import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault drill of issue 9: a stack of its own (ports apart from the demo's, the tests' and the benchmark's, data in
 * {@code var/drill}), a burst of API writes from a few clients, and in its middle one fault at a time — Payara Micro
 * killed, PostgreSQL stopped immediately, PostgreSQL restarted, Keycloak stopped. After each it reads back what was
 * acknowledged and prints what was lost, what hung and how long the recovery took. Not a test: nothing asserts, and
 * neither {@code ./mvnw verify} nor CI runs it; the table is the result.
 */
public final class FaultDrill {

    static final int DATABASE_PORT = 35432;
    static final int KEYCLOAK_PORT = 38180;
    static final int HTTP_PORT = 38080;
    static final int CLIENTS = 4;
    /** A request that has no answer after this long counts as hung: no user waits longer. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** Load before the fault, and after the first acknowledged write that follows it. */
    static final Duration BEFORE = Duration.ofSeconds(4);
    static final Duration AFTER = Duration.ofSeconds(4);
    /** A scenario whose writes are not acknowledged again within this long is reported as not recovered. */
    static final Duration GIVE_UP = Duration.ofSeconds(120);

    private final Path home;
    private final Path runtime;
    private final Path var;
    private final String ownerPassword = Launcher.randomSecret();
    private final String appPassword = Launcher.randomSecret();
    private final String realm = EmbeddedKeycloak.demoRealm().replace(":8080/", ":" + HTTP_PORT + "/");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT).build();
    private final List<String> notes = new ArrayList<>();
    // the servers as they are now: each fault replaces one of them
    private volatile EmbeddedDatabase database;
    private volatile EmbeddedKeycloak keycloak;
    private volatile PayaraMicro payara;
    private String stopMethod;

    private FaultDrill(Path home, Path runtime) throws IOException {
        this.home = home;
        this.runtime = runtime;
        this.var = home.resolve("var/drill");
    }

    public static void main(String[] args) throws Exception {
        Path home = Launcher.home();
        Path runtime = Launcher.runtime(home);
        FaultDrill drill = new FaultDrill(home, runtime);
        Runtime.getRuntime().addShutdownHook(new Thread(drill::stopAll, "drill-stop"));
        try {
            drill.run();
        } finally {
            drill.stopAll();
        }
    }

    private void run() throws Exception {
        for (Map.Entry<String, Integer> port : Map.of("PostgreSQL", DATABASE_PORT, "Keycloak", KEYCLOAK_PORT,
                "Payara Micro", HTTP_PORT).entrySet()) {
            Preflight.requireFreePort("the drill's " + port.getKey(), port.getValue(), "Stop it and start the drill again.");
        }
        Preflight.requireNoProcessUsing(var, "The drill's data");
        // a fresh database each time: the demo data are generated anew and nothing of an earlier drill is counted
        Directories.deleteRecursively(var.resolve("postgres"));
        Files.createDirectories(var.resolve("logs"));
        say("Starting PostgreSQL (" + DATABASE_PORT + "), Keycloak (" + KEYCLOAK_PORT + ") and Payara Micro ("
                + HTTP_PORT + "); data and logs in " + home.relativize(var));
        database = startDatabase();
        database.ensureDatabase("qorgau", ownerPassword);
        database.ensureLoginRole("qorgau_app", appPassword);
        keycloak = startKeycloak(true);
        payara = startPayara();
        keycloak.awaitReady();
        payara.awaitReady();
        List<String> cases = writableCases(token(), CLIENTS);
        say("Ready; " + CLIENTS + " clients write notes to the cases " + String.join(", ", cases));

        List<Row> rows = new ArrayList<>();
        rows.add(scenario("1. Payara Micro killed (`kill -9`), started again", cases, () -> {
            long from = System.nanoTime();
            kill(payara.pid(), "KILL");
            payara.waitFor();
            Thread.sleep(2000); // writes meet a dead server for a moment, as they would before anyone notices
            long until = System.nanoTime();
            payara = startPayara();
            return new Down(from, until);
        }));
        rows.add(scenario("2. PostgreSQL stopped (immediate), started again", cases, () -> {
            long from = System.nanoTime();
            stopDatabase("immediate");
            Thread.sleep(5000); // down long enough for every client to meet it
            database = startDatabase();
            return new Down(from, System.nanoTime());
        }));
        rows.add(scenario("3. PostgreSQL restarted under load (fast)", cases, () -> {
            long from = System.nanoTime();
            stopDatabase("fast");
            database = startDatabase();
            return new Down(from, System.nanoTime());
        }));
        rows.add(scenario("4. Keycloak stopped, token already issued", cases, () -> {
            keycloak.close();
            long down = System.nanoTime();
            String refused = newTokenWhileDown();
            Thread.sleep(10_000);
            long up = System.nanoTime();
            keycloak = startKeycloak(false);
            keycloak.awaitReady();
            token(); // a sign-in works again
            notes.add("Scenario 4: Keycloak was stopped for %.1f s (%.1f s of them its restart); a new token meanwhile: %s; afterwards a new token was issued again."
                    .formatted((System.nanoTime() - down) / 1e9, (System.nanoTime() - up) / 1e9, refused));
            return new Down(down, System.nanoTime());
        }));

        String report = report(rows);
        System.out.println();
        System.out.println(report);
        Path file = var.resolve("results-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".md");
        Files.writeString(file, report);
        say("Written to " + home.relativize(file));
    }

    private interface Fault {
        /** Injects the fault and brings the server back; answers when it was down, in {@link System#nanoTime()}. */
        Down inject() throws Exception;
    }

    /** From the fault to the moment the server was started again (Keycloak: ready again). */
    private record Down(long from, long until) {
    }

    private record Row(String scenario, int sent, int acknowledged, int present, int writtenTwice, int hung, Map<String, Integer> failed,
                       Double recoverySeconds, int unacknowledgedButWritten, int acknowledgedWhileDown, int sentWhileDown) {
    }

    /** One burst with one fault in its middle, then the read-back of what was acknowledged. */
    private Row scenario(String name, List<String> cases, Fault fault) throws Exception {
        say(name + " ...");
        Burst burst = new Burst(token(), cases, "s" + name.charAt(0));
        burst.start();
        Thread.sleep(BEFORE.toMillis());
        Down down = fault.inject();
        long faultEnd = down.until();
        Long firstAck;
        while ((firstAck = burst.firstAcknowledgedAfter(faultEnd)) == null && System.nanoTime() - faultEnd < GIVE_UP.toNanos()) {
            Thread.sleep(200);
        }
        Thread.sleep(AFTER.toMillis());
        burst.stop();

        Map<String, Integer> written = new HashMap<>();
        String token = token();
        for (String number : cases) {
            // the list is paged (at most 100 a page) and says how many there are
            for (int first = 0, total = 1; first < total; first += 100) {
                HttpResponse<String> response = http.send(api("api/v1/cases/" + number + "/notes?size=100&first=" + first, token)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException("notes of " + number + " not readable after the scenario: HTTP " + response.statusCode());
                }
                JsonObject page = Json.createReader(new StringReader(response.body())).readObject();
                total = page.getInt("total");
                JsonArray list = page.getJsonArray("items");
                list.getValuesAs(JsonObject.class).forEach(n -> written.merge(n.getString("text", ""), 1, Integer::sum));
            }
        }
        int present = (int) burst.acknowledged.stream().filter(a -> written.containsKey(a.text())).count();
        int extra = (int) burst.unacknowledged.stream().filter(written::containsKey).count();
        int twice = (int) written.entrySet().stream().filter(e -> e.getKey().contains(burst.tag) && e.getValue() > 1).count();
        int whileDownSent = 0;
        int whileDownAcknowledged = 0;
        for (Outcome o : burst.outcomes) {
            if (o.started() >= down.from() && o.started() < down.until()) {
                whileDownSent++;
                whileDownAcknowledged += o.acknowledged() ? 1 : 0;
            }
        }
        Row row = new Row(name, burst.sent.get(), burst.acknowledged.size(), present, twice, burst.hung.get(), burst.failed(),
                firstAck == null ? null : (firstAck - faultEnd) / 1e9, extra, whileDownAcknowledged, whileDownSent);
        say("  " + row);
        burst.firstAnswer.forEach((status, answer) -> notes.add(String.format(Locale.ROOT,
                "%s: the first %s came %.1f s after the fault began (%+.1f s from its end): `%s`", name.substring(0, 2).trim(),
                status, (answer.at() - down.from()) / 1e9, (answer.at() - down.until()) / 1e9, answer.body())));
        return row;
    }

    private record Acknowledged(String text, long at) {
    }

    private record Outcome(long started, boolean acknowledged) {
    }

    private record Answer(long at, String body) {
    }

    /** A few clients, each writing one note after the other to a case of its own, every note's text unique. */
    private final class Burst {
        private final String token;
        private final List<String> cases;
        private final String tag;
        private final List<Thread> clients = new ArrayList<>();
        private volatile boolean stopped;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger hung = new AtomicInteger();
        final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> unacknowledged = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        final Map<String, Answer> firstAnswer = new java.util.concurrent.ConcurrentSkipListMap<>();

        Burst(String token, List<String> cases, String tag) {
            this.token = token;
            this.cases = cases;
            this.tag = tag + "-" + Long.toHexString(System.currentTimeMillis());
        }

        void start() {
            for (int i = 0; i < cases.size(); i++) {
                int client = i;
                Thread t = new Thread(() -> write(client), "drill-client-" + i);
                t.setDaemon(true);
                clients.add(t);
                t.start();
            }
        }

        /**
         * Writes notes one after the other as a careful integration does: each note has its own idempotency key, and
         * a note whose outcome is open (5xx, a broken connection, no answer) is sent again with the same key until it
         * is acknowledged; a refusal (4xx) is final.
         */
        private void write(int client) {
            String number = cases.get(client);
            for (int seq = 0; !stopped; seq++) {
                String text = "Fault drill " + tag + " client " + client + " note " + seq;
                String key = tag + "-" + client + "-" + seq;
                sent.incrementAndGet();
                boolean ok = false;
                boolean refused = false;
                while (!ok && !refused && !stopped) {
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(api("api/v1/cases/" + number + "/notes", token)
                                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        ok = response.statusCode() / 100 == 2;
                        refused = response.statusCode() / 100 == 4;
                        if (ok) {
                            acknowledged.add(new Acknowledged(text, System.nanoTime()));
                        } else {
                            String status = Integer.toString(response.statusCode());
                            failures.add(status);
                            // what the client was told, once per status, for the notes under the table
                            String body = response.body().replaceAll("\\s+", " ");
                            firstAnswer.putIfAbsent(status, new Answer(System.nanoTime(), body.substring(0, Math.min(body.length(), 140))));
                        }
                    } catch (HttpTimeoutException timeout) {
                        hung.incrementAndGet();
                    } catch (ConnectException connectionRefused) {
                        failures.add("refused");
                    } catch (IOException broken) {
                        failures.add("connection closed");
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                    outcomes.add(new Outcome(started, ok));
                    if (!ok) {
                        pause(200); // a client that repeats at once only floods a server that is coming back
                    }
                }
                if (!ok) {
                    unacknowledged.add(text);
                }
            }
        }

        Long firstAcknowledgedAfter(long instant) {
            return acknowledged.stream().mapToLong(Acknowledged::at).filter(t -> t >= instant).boxed().min(Long::compare).orElse(null);
        }

        Map<String, Integer> failed() {
            Map<String, Integer> counts = new TreeMap<>();
            failures.forEach(f -> counts.merge(f, 1, Integer::sum));
            return counts;
        }

        void stop() throws InterruptedException {
            stopped = true;
            for (Thread t : clients) {
                t.join(REQUEST_TIMEOUT.toMillis() + 5000); // a request in flight ends by its timeout at the latest
            }
        }
    }

    private HttpRequest.Builder api(String path, String token) {
        return HttpRequest.newBuilder(URI.create(payara.baseUrl() + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** The first cases of aigerim's list that take a note (a closed case would refuse one). */
    private List<String> writableCases(String token, int count) throws Exception {
        HttpResponse<String> list = http.send(api("api/v1/cases?size=50", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        // the application takes tokens once it holds the realm's keys, which it may fetch a little after its start
        for (long until = System.nanoTime() + 90_000_000_000L; list.statusCode() != 200 && System.nanoTime() < until; ) {
            Thread.sleep(2000);
            list = http.send(api("api/v1/cases?size=50", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        if (list.statusCode() != 200) {
            throw new IOException("the case list answered " + list.statusCode() + " for aigerim's token");
        }
        List<String> writable = new ArrayList<>();
        for (JsonObject c : Json.createReader(new StringReader(list.body())).readObject().getJsonArray("items").getValuesAs(JsonObject.class)) {
            String number = c.getString("number");
            HttpResponse<Void> probe = http.send(api("api/v1/cases/" + number + "/notes", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Fault drill: this case takes notes\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (probe.statusCode() == 201) {
                writable.add(number);
                if (writable.size() == count) {
                    return writable;
                }
            }
        }
        throw new IOException("aigerim has only " + writable.size() + " cases that take a note; the drill needs " + count);
    }

    /** A demo user's token by the test client's password grant, as the integration tests get theirs. */
    private String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=qorgau-cli&scope=openid&username=aigerim&password=demo";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("no token for aigerim: HTTP " + response.statusCode());
        }
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }

    private String newTokenWhileDown() {
        try {
            token();
            return "issued (Keycloak was not down?)";
        } catch (ConnectException refused) {
            return "refused (connection refused)";
        } catch (Exception e) {
            return "refused (" + e.getClass().getSimpleName() + ")";
        }
    }

    private EmbeddedDatabase startDatabase() throws IOException {
        return EmbeddedDatabase.start(var.resolve("postgres"), var.resolve("postgres-bin"), DATABASE_PORT,
                var.resolve("logs/postgres.log"));
    }

    private void stopDatabase(String mode) throws Exception {
        stopMethod = database.stop(mode);
    }

    private EmbeddedKeycloak startKeycloak(boolean freshData) throws IOException {
        return EmbeddedKeycloak.start(runtime.resolve("keycloak-quarkus-dist.zip"), var.resolve("keycloak"), KEYCLOAK_PORT,
                realm, Launcher.randomSecret(), freshData, var.resolve("logs/keycloak.log"));
    }

    private PayaraMicro startPayara() throws IOException {
        Map<String, String> environment = PayaraMicro.environment(database.jdbcUrl("qorgau"), appPassword, ownerPassword, keycloak.issuer(),
                EmbeddedKeycloak.clientSecret(realm, "qorgau-web"), true);
        return PayaraMicro.start(runtime.resolve("payara-micro.jar"), runtime.resolve("ROOT.war"), var.resolve("payara"),
                HTTP_PORT, environment, var.resolve("logs/payara.log"));
    }

    private static void kill(long pid, String signal) throws Exception {
        run("kill", "-" + signal, Long.toString(pid));
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + ")");
        }
    }

    private String report(List<Row> rows) throws IOException {
        StringBuilder out = new StringBuilder("# Fault drill\n\n");
        out.append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(". Machine: ").append(Machine.describe()).append("\n\n");
        out.append("%d clients, each writing notes (`POST /api/v1/cases/{number}/notes`, a unique text and `Idempotency-Key` each) one after the other, "
                .formatted(CLIENTS)).append("repeating a note with its key after a 5xx, a broken connection or no answer, until acknowledged; ").append("a request timeout of %d s (no answer by then: hung); the fault %d s into the burst, "
                .formatted(REQUEST_TIMEOUT.toSeconds(), BEFORE.toSeconds()))
                .append("the load kept for %d s after the first write acknowledged after it. ".formatted(AFTER.toSeconds()))
                .append("Recovery: from the fault's end (the server started again) to the first acknowledged write.\n\n");
        out.append("| scenario | notes | acknowledged | present after | lost | written twice | hung | failed attempts (status) | recovery s |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (Row r : rows) {
            StringBuilder failed = new StringBuilder();
            r.failed().forEach((status, n) -> failed.append(failed.isEmpty() ? "" : ", ").append(n).append(" × ").append(status));
            out.append("| ").append(r.scenario()).append(" | ").append(r.sent()).append(" | ").append(r.acknowledged())
                    .append(" | ").append(r.present()).append(" | ").append(r.acknowledged() - r.present())
                    .append(" | ").append(r.writtenTwice()).append(" | ").append(r.hung()).append(" | ").append(failed.isEmpty() ? "0" : failed)
                    .append(" | ").append(r.recoverySeconds() == null ? "not recovered in " + GIVE_UP.toSeconds() + " s"
                            : String.format(Locale.ROOT, "%.1f", r.recoverySeconds())).append(" |\n");
        }
        out.append('\n');
        Row keycloakRow = rows.get(rows.size() - 1);
        notes.add(0, "Scenario 4: of %d writes sent while Keycloak was stopped, %d were acknowledged with the token issued before."
                .formatted(keycloakRow.sentWhileDown(), keycloakRow.acknowledgedWhileDown()));
        for (Row r : rows) {
            if (r.unacknowledgedButWritten() > 0) {
                notes.add("%s: %d note(s) still being repeated when the burst ended (never acknowledged) are present nevertheless."
                        .formatted(r.scenario().substring(0, 2).trim(), r.unacknowledgedButWritten()));
            }
        }
        if (stopMethod != null) {
            notes.add("PostgreSQL was stopped with " + stopMethod + " (the last stop)");
        }
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        return out.toString();
    }

    private synchronized void stopAll() {
        for (AutoCloseable server : new AutoCloseable[] {payara, keycloak, database}) {
            if (server == null) {
                continue;
            }
            try {
                server.close();
            } catch (Exception e) {
                say("while stopping: " + e.getMessage());
            }
        }
        payara = null;
        keycloak = null;
        database = null;
    }


    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(String line) {
        System.out.println("[qorgau drill] " + line);
    }
}
