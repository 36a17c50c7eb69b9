package kz.qorgau.it;

import jakarta.json.Json;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A demo user's real access token from the realm, by the test client's password grant. */
final class DemoTokens {

    private DemoTokens() {
    }

    static String accessToken(String issuer, String user) throws Exception {
        String form = "grant_type=password&client_id=qorgau-cli&scope=openid&username=" + user + "&password="
                + URLEncoder.encode("demo", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "token for " + user);
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }
}
