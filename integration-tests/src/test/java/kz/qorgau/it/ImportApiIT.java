package kz.qorgau.it;

import kz.qorgau.importing.ImportColumn;
import kz.qorgau.importing.ImportTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/cases/import} and {@code /api/v1/imports} with real Keycloak tokens: check, import in the background
 * and poll, twice, the refused rows, a refused file, who may.
 */
class ImportApiIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static String app;
    private static String aigerim;
    private static String serik;
    private final String prefix = "DEMO-A" + UUID.randomUUID().toString().substring(0, 6) + "-";

    @BeforeAll
    static void tokens() throws Exception {
        app = TestStack.applicationUrl();
        String issuer = TestStack.keycloak().issuer();
        aigerim = DemoTokens.accessToken(issuer, "aigerim");
        serik = DemoTokens.accessToken(issuer, "serik");
    }

    private static HttpResponse<String> post(String token, String query, String contentType, byte[] body, String language)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app + "api/v1/cases/import" + query))
                .header("Accept", "application/json").header("Accept-Language", language)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private byte[] csv(List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportTemplate.writeCsv(out, rows);
        return out.toByteArray();
    }

    private List<String> row(String id) {
        List<String> row = new ArrayList<>(ImportTemplate.EXAMPLE);
        row.set(ImportColumn.LEGACY_ID.ordinal(), prefix + id);
        row.set(ImportColumn.ORDER_NUMBER.ordinal(), prefix + id); // a unit numbers its orders once
        return row;
    }

    @Test
    void aWorkerChecksThenImportsAndTheSameFileTwiceCreatesNothing() throws Exception {
        List<String> wrong = new ArrayList<>(row("2"));
        wrong.set(ImportColumn.SEX.ordinal(), "?");
        HttpResponse<String> checked = post(aigerim, "", "text/csv", csv(List.of(row("1"), wrong)), "en");
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body()).contains("\"rows\":2").contains("\"refused\":1").contains("\"written\":false")
                .contains("\"row\":3").contains("\"column\":\"sex\"").contains("\"key\":\"import.value.oneOf\"")
                .contains("Choose one of: FEMALE, MALE").contains("\"expected\":\"FEMALE or MALE\"");

        HttpResponse<String> refused = finished(post(aigerim, "?mode=ALL", "text/csv", csv(List.of(row("1"), wrong)), "ru"));
        assertThat(refused.body()).as("nothing written while a row is wrong").contains("\"status\":\"REFUSED\"")
                .contains("\"rowsImported\":0").contains("\"rowsRefused\":1").contains("\"column\":\"sex\"");

        byte[] valid = csv(List.of(row("1"), row("3")));
        HttpResponse<String> imported = finished(post(aigerim, "?mode=ALL", "text/csv", valid, "ru"));
        assertThat(imported.body()).contains("\"status\":\"DONE\"").contains("\"rowsImported\":2").contains("\"percent\":100");
        HttpResponse<String> again = finished(post(aigerim, "?mode=ALL", "text/csv", valid, "ru"));
        assertThat(again.body()).contains("\"rowsImported\":0").contains("\"alreadyImported\":2");

        HttpResponse<String> partial = finished(post(aigerim, "?mode=VALID", "text/csv", csv(List.of(row("4"), wrong)), "en"));
        assertThat(partial.body()).contains("\"rowsImported\":1").contains("\"rowsRefused\":1");
        String job = partial.uri().toString();
        HttpResponse<String> refusedRows = get(aigerim, job + "/refused-rows");
        assertThat(refusedRows.statusCode()).isEqualTo(200);
        assertThat(refusedRows.body()).contains(prefix + "2").contains("error").doesNotContain(prefix + "4");

        HttpResponse<String> list = get(aigerim, app + "api/v1/imports?size=5");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"total\":").contains("\"id\":" + job.substring(job.lastIndexOf('/') + 1));
        assertThat(get(serik, job).statusCode()).as("the police do not import, nor see imports").isEqualTo(403);
    }

    /** A started import (202 and its job's address), polled until it is over; answers the job's last state. */
    private static HttpResponse<String> finished(HttpResponse<String> started) throws Exception {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> job = get(aigerim, URI.create(app).resolve(location).toString());
            assertThat(job.statusCode()).isEqualTo(200);
            if (!job.body().contains("\"running\":true")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not end in 30 s");
    }

    private static HttpResponse<String> get(String token, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json, text/csv")
                .header("Accept-Language", "en").header("Authorization", "Bearer " + token).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFileThatIsNotTheTemplateIsRefusedInTheCallersLanguage() throws Exception {
        byte[] cp1251 = (String.join(",", ImportTemplate.header()) + "\n" + String.join(",", row("w")) + "\n")
                .getBytes(Charset.forName("windows-1251"));
        HttpResponse<String> response = post(aigerim, "?mode=CHECK", "text/csv", cp1251, "kk");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"/api/v1/problems/invalid-input\"").contains("\"report\":")
                .contains("import.file.encoding").contains("UTF-8 кодтауында емес");
        HttpResponse<String> job = finished(post(aigerim, "?mode=ALL", "text/csv", cp1251, "kk"));
        assertThat(job.body()).contains("\"status\":\"REFUSED\"").contains("import.file.encoding");
    }

    @Test
    void onlyThoseWhoOpenCasesMayImport() throws Exception {
        byte[] file = csv(List.of(row("p")));
        assertThat(post(serik, "?mode=ALL", "text/csv", file, "ru").statusCode()).isEqualTo(403);
        assertThat(post(null, "?mode=ALL", "text/csv", file, "ru").statusCode()).isEqualTo(401);
    }
}
