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

/** {@code POST /api/v1/cases/import} with real Keycloak tokens: check, import, twice, a refused file, who may. */
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

        HttpResponse<String> refused = post(aigerim, "?mode=ALL", "text/csv", csv(List.of(row("1"), wrong)), "ru");
        assertThat(refused.statusCode()).as("nothing written while a row is wrong").isEqualTo(422);

        byte[] valid = csv(List.of(row("1"), row("3")));
        HttpResponse<String> imported = post(aigerim, "?mode=ALL", "text/csv", valid, "ru");
        assertThat(imported.statusCode()).isEqualTo(201);
        assertThat(imported.body()).contains("\"imported\":2").contains("\"written\":true");
        HttpResponse<String> again = post(aigerim, "?mode=ALL", "text/csv", valid, "ru");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"imported\":0").contains("\"alreadyImported\":2");

        HttpResponse<String> partial = post(aigerim, "?mode=VALID", "text/csv", csv(List.of(row("4"), wrong)), "ru");
        assertThat(partial.statusCode()).isEqualTo(201);
        assertThat(partial.body()).contains("\"imported\":1").contains("\"refused\":1");
    }

    @Test
    void aFileThatIsNotTheTemplateIsRefusedInTheCallersLanguage() throws Exception {
        byte[] cp1251 = (String.join(",", ImportTemplate.header()) + "\n" + String.join(",", row("w")) + "\n")
                .getBytes(Charset.forName("windows-1251"));
        HttpResponse<String> response = post(aigerim, "?mode=ALL", "text/csv", cp1251, "kk");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("import.file.encoding").contains("UTF-8 кодтауында емес");
    }

    @Test
    void onlyThoseWhoOpenCasesMayImport() throws Exception {
        byte[] file = csv(List.of(row("p")));
        assertThat(post(serik, "?mode=ALL", "text/csv", file, "ru").statusCode()).isEqualTo(403);
        assertThat(post(null, "?mode=ALL", "text/csv", file, "ru").statusCode()).isEqualTo(401);
    }
}
