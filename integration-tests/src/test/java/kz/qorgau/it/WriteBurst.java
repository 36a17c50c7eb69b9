package kz.qorgau.it;

import jakarta.json.Json;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * API clients writing notes one after the other to a case each, as a careful integration does: every note has its
 * own {@code Idempotency-Key}, and a note whose outcome is open (5xx, a broken connection) is repeated with the same
 * key until acknowledged. Afterwards the notes are read back and counted.
 */
final class WriteBurst {

    private static final Duration HUNG = Duration.ofSeconds(10);
    private static final int CLIENTS = 3;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;
    private final String token;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> cases = new ArrayList<>();
    private final List<Thread> clients = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicInteger hung = new AtomicInteger();
    private volatile boolean stopped;
    private volatile int acknowledgedBeforeFault = -1;

    record Tally(int acknowledged, int acknowledgedBeforeFault, int lost, int writtenTwice, int hung) {
    }

    WriteBurst(String app, String token) {
        this.api = app + "api/v1/";
        this.token = token;
    }

    void start() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Almaty")).toString();
        for (int i = 0; i < CLIENTS; i++) {
            HttpResponse<String> opened = send("cases", """
                    {"familyName":"Сбоева","givenName":"Проба","sex":"FEMALE","birthDate":"1987-06-05","regionCode":"ALM",
                     "kind":"DOMESTIC_VIOLENCE","incidentDate":"%s","incidentType":"PHYSICAL_ASSAULT",
                     "documentType":"PASSPORT","documentNumber":"N5550%03d","citizenship":"KZ"}""".formatted(today, i), "open-" + tag + i);
            if (opened.statusCode() != 201) {
                throw new IllegalStateException("could not open a case for the burst: HTTP " + opened.statusCode());
            }
            cases.add(Json.createReader(new StringReader(opened.body())).readObject().getString("number"));
        }
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            Thread t = new Thread(() -> write(client), "write-burst-" + i);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
    }

    /** Marks the moment of the fault, to tell writes acknowledged before it from writes after. */
    void faultBegins() {
        acknowledgedBeforeFault = acknowledged.size();
    }

    private void write(int client) {
        for (int seq = 0; !stopped; seq++) {
            String text = "Проба сбоя " + tag + " клиент " + client + " запись " + seq;
            String key = tag + "-" + client + "-" + seq;
            boolean done = false;
            while (!done && !stopped) {
                try {
                    HttpResponse<String> answer = send("cases/" + cases.get(client) + "/notes",
                            Json.createObjectBuilder().add("text", text).build().toString(), key);
                    if (answer.statusCode() / 100 == 2) {
                        acknowledged.add(text);
                    }
                    done = answer.statusCode() / 100 == 2 || answer.statusCode() / 100 == 4;
                } catch (HttpTimeoutException timeout) {
                    hung.incrementAndGet();
                } catch (IOException broken) {
                    // the outcome is open: repeat with the same key
                } catch (InterruptedException interrupted) {
                    return;
                }
                if (!done) {
                    pause();
                }
            }
        }
    }

    void stop() throws InterruptedException {
        stopped = true;
        for (Thread t : clients) {
            t.join(HUNG.toMillis() + 5000);
        }
    }

    Tally tally() throws Exception {
        Map<String, Integer> written = new HashMap<>();
        for (String number : cases) {
            // a page at a time, as the list is paged (at most 100 a page)
            for (int first = 0, total = 1; first < total; first += 100) {
                HttpResponse<String> notes = http.send(HttpRequest.newBuilder(
                                URI.create(api + "cases/" + number + "/notes?size=100&first=" + first))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json").timeout(HUNG).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (notes.statusCode() != 200) {
                    throw new IllegalStateException("notes not readable after the burst: HTTP " + notes.statusCode());
                }
                jakarta.json.JsonObject page = Json.createReader(new StringReader(notes.body())).readObject();
                total = page.getInt("total");
                page.getJsonArray("items").forEach(n -> written.merge(n.asJsonObject().getString("text", ""), 1, Integer::sum));
            }
        }
        int lost = (int) acknowledged.stream().filter(text -> !written.containsKey(text)).count();
        int twice = (int) written.entrySet().stream().filter(e -> e.getKey().contains(tag) && e.getValue() > 1).count();
        return new Tally(acknowledged.size(), Math.max(acknowledgedBeforeFault, 0), lost, twice, hung.get());
    }

    private HttpResponse<String> send(String path, String body, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).timeout(HUNG)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
