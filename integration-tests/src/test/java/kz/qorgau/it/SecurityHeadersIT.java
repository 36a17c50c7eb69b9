package kz.qorgau.it;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What every response of the running application tells the browser, and what it never tells anyone. */
class SecurityHeadersIT {

    @Test
    void responsesForbidFramingSniffingCachingAndForeignContent() throws Exception {
        String app = TestStack.applicationUrl();
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(app + "health/ready")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"");
        var headers = ready.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'none'", "object-src 'none'",
                        "form-action 'self' http://localhost:")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'"));
        assertThat(headers.allValues("Content-Security-Policy")).hasSize(1);
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(headers.firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void anUnknownPageShowsNoStackTrace() throws Exception {
        String app = TestStack.applicationUrl();
        HttpResponse<String> missing = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(app + "jakarta.faces.resource/no-such.css.xhtml?ln=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at kz.");
    }
}
