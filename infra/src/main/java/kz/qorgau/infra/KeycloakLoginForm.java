package kz.qorgau.infra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keycloak's own login page, as a browser-like client meets it on the way to a page of the application. */
public final class KeycloakLoginForm {

    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private KeycloakLoginForm() {
    }

    /** Where the login form on this page posts to; empty when the page is not Keycloak's login form. */
    public static Optional<String> action(String page) {
        Matcher form = FORM.matcher(page);
        if (!form.find()) {
            return Optional.empty();
        }
        Matcher action = ACTION.matcher(form.group());
        return action.find() ? Optional.of(action.group(1).replace("&amp;", "&")) : Optional.empty();
    }

    /**
     * Fills in the form of {@code loginPage} and posts it; the client follows the redirects back to the application,
     * all of it within {@code timeout} ({@link TimedSend}: a timeout of the request's own would outlive the redirects).
     */
    public static HttpResponse<String> submit(HttpClient browser, HttpResponse<String> loginPage, String user, String password,
                                              Duration timeout) throws IOException, InterruptedException {
        String target = action(loginPage.body()).orElseThrow(() -> new IOException(
                "no Keycloak login form at " + loginPage.uri() + " (HTTP " + loginPage.statusCode() + ")"));
        return TimedSend.send(browser, HttpRequest.newBuilder(URI.create(target))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password)
                        + "&credentialId=")).build(), HttpResponse.BodyHandlers.ofString(), timeout);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
