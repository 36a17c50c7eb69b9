package kz.qorgau.it;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real embedded mode as a small NGO meets it, against a Run started with {@code QORGAU_MODE=real} on a fresh
 * {@code var/}: the first administrator signs in with the one-time password, must choose her own, creates the first
 * social worker, who signs in and finds her (empty) case list. Runs only when told where that Run is:
 * {@code -Dit.test=RealModeIT -Dqorgau.real.url=http://localhost:8080/ -Dqorgau.real.keycloak=http://localhost:8180
 * -Dqorgau.real.password=<the one-time password>}.
 */
@EnabledIfSystemProperty(named = "qorgau.real.url", matches = "http.*")
class RealModeIT {

    private static final String NEW_PASSWORD = "Qorgau-first-admin-2026!";

    @Test
    void theFirstAdministratorSignsInChoosesHerPasswordAndCreatesTheFirstSocialWorker() throws Exception {
        String app = System.getProperty("qorgau.real.url");
        String keycloak = System.getProperty("qorgau.real.keycloak");
        try (Browser browser = new Browser()) {
            signIn(browser, app, "qorgau-admin", System.getProperty("qorgau.real.password"));
            choosePassword(browser, NEW_PASSWORD);
            assertThat(browser.await(By.id("username")).getText()).isEqualTo("qorgau-admin");
            browser.screenshot("real-first-admin");
        }

        HttpClient http = HttpClient.newHttpClient();
        String token = Json.createReader(new StringReader(http.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/qorgau/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=qorgau-admin&password="
                        + URLEncoder.encode(NEW_PASSWORD, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body())).readObject().getString("access_token");
        String worker = "{\"username\":\"first-worker\",\"enabled\":true,\"firstName\":\"Первая\",\"lastName\":\"Сотрудница\","
                + "\"email\":\"first-worker@qorgau.invalid\",\"emailVerified\":true,"
                + "\"attributes\":{\"organisation\":[\"ALM-CC\"],\"region\":[\"ALM\"]},"
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"Temporary-worker-1\",\"temporary\":true}]}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/qorgau/users"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(worker)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String userUrl = created.headers().firstValue("Location").orElseThrow();
        String role = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/qorgau/roles/social-worker"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> granted = http.send(HttpRequest.newBuilder(URI.create(userUrl + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(204);

        try (Browser browser = new Browser()) {
            signIn(browser, app, "first-worker", "Temporary-worker-1");
            choosePassword(browser, "Worker-own-password-2026");
            assertThat(browser.await(By.id("roles")).getText()).contains("социальный работник");
            browser.click(By.id("nav-cases"));
            browser.await(By.id("cases:table"));
            browser.screenshot("real-first-worker");
        }
    }

    /** Keycloak's login form; on this page typing the password may already submit it. */
    private static void signIn(Browser browser, String app, String username, String password) {
        browser.open(app);
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), password);
        if (!browser.driver().findElements(By.id("kc-login")).isEmpty()) {
            browser.click(By.id("kc-login"));
        }
    }

    private static void choosePassword(Browser browser, String password) {
        browser.type(By.id("password-new"), password);
        browser.type(By.id("password-confirm"), password);
        browser.click(By.cssSelector("[type=submit]"));
        browser.await(By.id("signed-in-user"));
    }
}
