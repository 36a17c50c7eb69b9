package kz.qorgau.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API client that lost an answer sends the same write again with the same {@code Idempotency-Key}: it gets the
 * first answer and nothing is written twice — also when the repeats arrive together. A commit the database breaks
 * is answered 503 "outcome unknown", in JSON, never a 500 page.
 */
class RepeatableWritesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static String api;
    private static String token;
    private static String caseNumber;

    @BeforeAll
    static void aCase() throws Exception {
        api = TestStack.applicationUrl() + "api/v1/";
        token = DemoTokens.accessToken(TestStack.keycloak().issuer(), "aigerim");
        String today = LocalDate.now(ZoneId.of("Asia/Almaty")).toString();
        HttpResponse<String> opened = post("cases", """
                {"familyName":"Повторова","givenName":"Тест","sex":"FEMALE","birthDate":"1990-02-03","regionCode":"ALM",
                 "kind":"DOMESTIC_VIOLENCE","incidentDate":"%s","incidentType":"PHYSICAL_ASSAULT",
                 "documentType":"PASSPORT","documentNumber":"N7654321","citizenship":"KZ"}""".formatted(today), null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        caseNumber = json(opened.body()).getString("number");
    }

    @Test
    void aRepeatGetsTheFirstAnswerAndWritesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = note("repeat");
        HttpResponse<String> first = post(notes(), body(text), key);
        HttpResponse<String> again = post(notes(), body(text), key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(copies(text)).isEqualTo(1);

        HttpResponse<String> opened = post("cases", intakeOf("Повторная"), "intake-" + key);
        HttpResponse<String> openedAgain = post("cases", intakeOf("Повторная"), "intake-" + key);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(openedAgain.body()).as("the same case number, not a second case").isEqualTo(opened.body());
        assertThat(openedAgain.headers().firstValue("Location")).isEqualTo(opened.headers().firstValue("Location"));
    }

    @Test
    void repeatsArrivingTogetherWriteOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = note("together");
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(clients.submit((Callable<HttpResponse<String>>) () -> post(notes(), body(text), key)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(copies(text)).isEqualTo(1);
    }

    @Test
    void aKeyIsForOneRequestOnly() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(post(notes(), body(note("first")), key).statusCode()).isEqualTo(201);
        String other = note("other");
        HttpResponse<String> reused = post(notes(), body(other), key);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("api.idempotencyKeyReused").contains("Idempotency-Key");
        assertThat(copies(other)).isZero();

        HttpResponse<String> invalid = post(notes(), body(note("invalid key")), "key with spaces");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("api.idempotencyKeyInvalid");
    }

    @Test
    void aCommitTheDatabaseBreaksIsAnsweredOutcomeUnknownAndIsSafeToRepeat() throws Exception {
        String text = note("commit cut");
        String key = UUID.randomUUID().toString();
        try (Connection owner = owner(); Statement s = owner.createStatement()) {
            // fails at COMMIT, after every statement succeeded, as a database shutting down would
            s.execute("""
                    create or replace function it_cut_commit() returns trigger language plpgsql as $$
                    begin
                        if new.text like '%[cut-commit]%' then
                            raise exception 'terminating connection due to administrator command' using errcode = 'admin_shutdown';
                        end if;
                        return null;
                    end $$""");
            s.execute("create constraint trigger it_cut_commit after insert on case_note deferrable initially deferred "
                    + "for each row execute function it_cut_commit()");
            try {
                for (String withKey : new String[] {null, key}) {
                    HttpResponse<String> cut = post(notes(), body(text + " [cut-commit]"), withKey);
                    assertThat(cut.statusCode()).as(cut.body()).isEqualTo(503);
                    assertThat(cut.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                    assertThat(cut.headers().firstValue("Retry-After")).isPresent();
                    assertThat(cut.body()).contains("api.outcomeUnknown", "/api/v1/problems/outcome-unknown").doesNotContain("Exception").doesNotContain("at org.");
                }
            } finally {
                s.execute("drop trigger it_cut_commit on case_note");
                s.execute("drop function it_cut_commit()");
            }
        }
        HttpResponse<String> repeated = post(notes(), body(text + " [cut-commit]"), key);
        assertThat(repeated.statusCode()).as("the cut write did not commit, so the repeat writes it").isEqualTo(201);
        assertThat(copies(text + " [cut-commit]")).isEqualTo(1);
    }

    private static String notes() {
        return "cases/" + caseNumber + "/notes";
    }

    private static String note(String what) {
        return "Повторяемая запись: " + what + " " + UUID.randomUUID();
    }

    private static String body(String text) {
        return Json.createObjectBuilder().add("text", text).build().toString();
    }

    private static String intakeOf(String familyName) {
        String today = LocalDate.now(ZoneId.of("Asia/Almaty")).toString();
        return """
                {"familyName":"%s","givenName":"Тест","sex":"FEMALE","birthDate":"1991-03-04","regionCode":"ALM",
                 "kind":"DOMESTIC_VIOLENCE","incidentDate":"%s","incidentType":"PHYSICAL_ASSAULT",
                 "documentType":"PASSPORT","documentNumber":"N7654322","citizenship":"KZ"}""".formatted(familyName, today);
    }

    /** How many of the case's notes carry this text. */
    private static long copies(String text) throws Exception {
        long copies = 0;
        for (int first = 0, total = 1; first < total; first += 100) {
            HttpResponse<String> notes = HTTP.send(HttpRequest.newBuilder(URI.create(api + notes() + "?size=100&first=" + first))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(notes.statusCode()).isEqualTo(200);
            jakarta.json.JsonObject page = Json.createReader(new StringReader(notes.body())).readObject();
            total = page.getInt("total");
            copies += page.getJsonArray("items").stream()
                    .filter(n -> text.equals(n.asJsonObject().getString("text", null))).count();
        }
        return copies;
    }

    private static HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Accept-Language", "en").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Connection owner() throws Exception {
        return DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau", System.getProperty("qorgau.it.db.owner-password"));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
