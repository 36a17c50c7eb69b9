package kz.qorgau.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak stops under a running application and comes back: meanwhile the user already signed in keeps working, the
 * API token already issued is still accepted (the realm's keys are kept), and a new sign-in gets a clear page in the
 * user's language instead of a browser error or a stack trace; afterwards a new sign-in works. Runs after every other
 * test class but the database drill (junit-platform.properties orders classes) and leaves Keycloak as it found it.
 */
@Order(Integer.MAX_VALUE - 1)
class KeycloakOutageIT {

    private static final Duration QUICK = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void signedInUsersAndIssuedTokensOutliveKeycloakAndANewSignInIsToldToWait() throws Exception {
        String app = TestStack.applicationUrl();
        String token = DemoTokens.accessToken(TestStack.keycloak().issuer(), "aigerim");
        HttpResponse<String> opened = ApiCalls.call(app + "api/v1/cases", token, "POST", "{\"familyName\":\"Тестова-Ключ\","
                + "\"givenName\":\"Сауле\",\"sex\":\"FEMALE\",\"birthDate\":\"1988-04-02\",\"regionCode\":\"ALM\","
                + "\"kind\":\"DOMESTIC_VIOLENCE\",\"incidentDate\":\"" + LocalDate.now(ZoneId.of("Asia/Almaty")).minusDays(1)
                + "\",\"incidentType\":\"PHYSICAL_ASSAULT\"}", "ru");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String number = opened.body().replaceAll(".*\"number\":\"([^\"]+)\".*", "$1");

        try (Browser signedIn = new Browser()) {
            signedIn.open(app);
            signedIn.signIn("aigerim", "demo");
            signedIn.click(By.id("nav-cases"));
            signedIn.await(By.cssSelector("#cases\\:table tbody tr"));

            TestStack.withKeycloakDown(() -> {
                signedIn.open(app + "cases/list.xhtml");
                signedIn.await(By.cssSelector("#cases\\:table tbody tr"));
                signedIn.open(app);
                signedIn.await(By.id("signed-in-user"));
                signedIn.screenshot("keycloak-down-signed-in");

                HttpResponse<String> api = get(app + "api/v1/cases/" + number, token, "ru");
                assertThat(api.statusCode()).as("the token issued before: " + api.body()).isEqualTo(200);
                assertThat(api.body()).contains(number);

                try (Browser newcomer = new Browser()) {
                    newcomer.open(app);
                    newcomer.awaitText(By.id("sign-in-unavailable"), "Вход временно недоступен");
                    assertThat(newcomer.driver().findElement(By.id("sign-in-unavailable")).getText())
                            .contains("через несколько минут");
                    assertThat(newcomer.driver().getPageSource()).doesNotContain("Exception").doesNotContain("at org.")
                            .doesNotContain("at fish.");
                    newcomer.screenshot("keycloak-down-sign-in");
                }
                HttpResponse<String> page = get(app + "cases/list.xhtml", null, "en");
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).isPresent();
                assertThat(page.body()).contains("Sign-in temporarily unavailable").doesNotContain("Exception");
                assertThat(get(app + "cases/list.xhtml", null, "kk").body()).contains("Кіру уақытша қолжетімсіз");
            });

            try (Browser later = new Browser()) {
                long back = System.nanoTime();
                later.open(app);
                while (later.driver().findElements(By.id("username")).isEmpty()) {
                    assertThat(Duration.ofNanos(System.nanoTime() - back)).as("Keycloak's form back within 10 s").isLessThan(QUICK);
                    Thread.sleep(500);
                    later.open(app);
                }
                later.signIn("aigerim", "demo");
                later.click(By.id("nav-cases"));
                later.await(By.cssSelector("#cases\\:table tbody tr"));
            }
            String fresh = DemoTokens.accessToken(TestStack.keycloak().issuer(), "aigerim");
            assertThat(get(app + "api/v1/cases", fresh, "ru").statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(String url, String token, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(QUICK).header("Accept-Language", language);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
