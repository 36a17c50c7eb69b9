package kz.qorgau.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops under a running application and comes back: meanwhile pages and the API say "temporarily
 * unavailable" at once (503, Retry-After), readiness is DOWN; afterwards everything works again without a restart.
 * Throughout, three API clients write notes as the fault drill's clients do (each note with its idempotency key,
 * repeated until acknowledged): afterwards every acknowledged note is there once, and no request hung — the drill's
 * third scenario in short. Runs after every other test class (junit-platform.properties orders classes), since it
 * stops the shared database.
 */
@Order(Integer.MAX_VALUE)
class DatabaseRecoveryIT {

    private static final Duration QUICK = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aDatabaseRestartIsSurvivedWithoutRestartingTheApplication() throws Exception {
        String app = TestStack.applicationUrl();
        String token = DemoTokens.accessToken(TestStack.keycloak().issuer(), "aigerim");
        assertThat(get(app + "api/v1/cases", token).statusCode()).isEqualTo(200);

        WriteBurst burst = new WriteBurst(app, token);
        try (Browser browser = new Browser()) {
            browser.open(app);
            browser.signIn("aigerim", "demo");
            browser.click(By.id("nav-cases"));
            browser.await(By.cssSelector("#cases\\:table tbody tr"));

            burst.start();
            Thread.sleep(1000);
            burst.faultBegins();
            TestStack.withDatabaseDown(() -> {
                long started = System.nanoTime();
                HttpResponse<String> ready = get(app + "health/ready", null);
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("DOWN");

                HttpResponse<String> api = get(app + "api/v1/cases", token);
                assertThat(api.statusCode()).isEqualTo(503);
                assertThat(api.headers().firstValue("Retry-After")).isPresent();
                assertThat(api.body()).contains("api.unavailable", "\"type\":\"/api/v1/problems/unavailable\"").doesNotContain("Exception");
                assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

                HttpResponse<String> english = http.send(HttpRequest.newBuilder(URI.create(app + "api/v1/cases"))
                        .header("Authorization", "Bearer " + token).header("Accept-Language", "en")
                        .timeout(QUICK).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(english.body()).contains("cannot reach its database");

                // an AJAX action on the page already shown: a notice, and the page stays as it is
                new org.openqa.selenium.support.ui.Select(browser.await(By.cssSelector("#cases\\:table .ui-paginator-rpp-options")))
                        .selectByValue("10");
                browser.awaitText(By.id("database-unavailable"), "Всё, что вы ввели, осталось на странице");
                assertThat(browser.driver().findElement(By.cssSelector("#cases\\:table tbody tr")).isDisplayed()).isTrue();
                browser.screenshot("database-unavailable-ajax");

                browser.open(app + "cases/list.xhtml");
                browser.awaitText(By.id("unavailable"), "Временно недоступно");
                assertThat(browser.driver().getPageSource()).doesNotContain("Exception").doesNotContain("at org.");
                browser.screenshot("database-unavailable");
                System.out.printf("[drill] while PostgreSQL was down: readiness, API and page answered in %d ms%n",
                        (System.nanoTime() - started) / 1_000_000);
            });

            long back = System.nanoTime();
            while (get(app + "api/v1/cases", token).statusCode() != 200) {
                assertThat(Duration.ofNanos(System.nanoTime() - back)).as("API back within 10 s").isLessThan(QUICK);
                Thread.sleep(200);
            }
            double apiSeconds = (System.nanoTime() - back) / 1e9;
            assertThat(get(app + "health/ready", null).statusCode()).isEqualTo(200);
            browser.open(app + "cases/list.xhtml");
            browser.await(By.cssSelector("#cases\\:table tbody tr"));
            System.out.printf("[drill] after PostgreSQL came back: API answered 200 after %.1f s, readiness UP, list page shown%n",
                    apiSeconds);
        } finally {
            burst.stop();
        }
        WriteBurst.Tally tally = burst.tally();
        System.out.println("[drill] write burst through the restart: " + tally);
        assertThat(tally.acknowledged()).as("writes acknowledged after the database came back").isGreaterThan(tally.acknowledgedBeforeFault());
        assertThat(tally.lost()).as("acknowledged notes missing").isZero();
        assertThat(tally.writtenTwice()).as("notes written twice").isZero();
        assertThat(tally.hung()).as("requests without an answer within 10 s").isZero();
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(QUICK);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
