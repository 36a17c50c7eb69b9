package kz.qorgau.infra.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import kz.qorgau.infra.CookieJar;
import kz.qorgau.infra.KeycloakLoginForm;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running application as its clients meet it: the REST API with a demo user's bearer token (password grant of
 * the test client {@code qorgau-cli}), and the Faces pages with a session signed in on Keycloak's own login form.
 */
final class Application {

    /** Tokens live five minutes in the demo realm; a fresh one is fetched (untimed) well before that. */
    private static final long TOKEN_MAX_AGE_NANOS = Duration.ofMinutes(3).toNanos();

    private final String baseUrl;
    private final String issuer;
    // HTTP/1.1 as Payara Micro speaks it over plain HTTP, without an h2c upgrade offered on every request
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    // concurrent users of a load each fetch their own token
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, long fetchedAt) {
    }

    Application(String baseUrl, String issuer) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.issuer = issuer;
    }

    /** GET of an API path (without the leading slash) as a demo user; the body is read completely. */
    HttpResponse<String> api(String user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token(user))
                .header("Accept", "application/json")
                .timeout(Duration.ofMinutes(2)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GET of an API path as a file of this type, read as it streams: the number of lines, nothing kept. */
    long lines(String user, String path, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token(user))
                .header("Accept", accept)
                .timeout(Duration.ofMinutes(10)).GET().build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            long lines = 0;
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
            return lines;
        }
    }

    /** POST of a file as the body, streamed from disk, to an API path as a demo user. */
    HttpResponse<String> upload(String user, String path, String contentType, java.nio.file.Path file)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token(user))
                .header("Accept", "application/json").header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** POST of a JSON body to an API path as a demo user; the body is read completely. */
    HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token(user))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A call through the JDK's blocking client ({@code HttpURLConnection}, whose kept-alive connection is reused),
     * for the calls of a few milliseconds: {@code java.net.http.HttpClient} hands each request between its threads
     * and publishes a body apart from the headers, which added 4–7 ms of the client's own to a search that the
     * server answers in 2. A body of {@code null} is a GET; a user of {@code null} sends no token.
     */
    Answer quick(String user, String path, String json) throws IOException, InterruptedException {
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
        connection.setRequestProperty("Accept", "application/json");
        if (user != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token(user));
        }
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(120_000);
        if (json != null) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/json");
            // not streamed: the body is kept and sent with the headers in one write, as a browser sends a small
            // form; headers and body in two small writes wait on each other (Nagle's algorithm and the delayed ACK)
            connection.setDoOutput(true);
            try (java.io.OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        try (java.io.InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            // read to the end, so that the connection goes back to be kept alive
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    record Answer(int statusCode, String body) {
    }

    /** Fresh tokens for these users now, so that none is fetched inside a timed call of a load shorter than their age limit. */
    void refreshTokens(List<String> users) throws IOException, InterruptedException {
        for (String user : users) {
            tokens.remove(user);
            token(user);
        }
    }

    private String token(String user) throws IOException, InterruptedException {
        Token token = tokens.get(user);
        if (token == null || System.nanoTime() - token.fetchedAt() > TOKEN_MAX_AGE_NANOS) {
            String form = "grant_type=password&client_id=qorgau-cli&scope=openid&username=" + encode(user)
                    + "&password=" + encode("demo");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("no token for " + user + ": HTTP " + response.statusCode());
            }
            JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
            token = new Token(body.getString("access_token"), System.nanoTime());
            tokens.put(user, token);
        }
        return token.value();
    }

    /** A browser-like client signed in as {@code user}: follows redirects, keeps cookies, posts the login form. */
    Browser signIn(String user, String firstPage) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieJar())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + firstPage)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signedIn = KeycloakLoginForm.submit(browser, login, user, "demo", Duration.ofMinutes(2));
        if (signedIn.statusCode() != 200 || !signedIn.uri().toString().startsWith(baseUrl)) {
            throw new IOException("sign-in of " + user + " ended at " + signedIn.uri() + " (HTTP " + signedIn.statusCode() + ")");
        }
        return new Browser(browser);
    }

    final class Browser {
        private final HttpClient client;

        private Browser(HttpClient client) {
            this.client = client;
        }

        /** GET of a page; a page that lands anywhere but in the application (the login form) counts as a failure. */
        HttpResponse<String> page(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (!response.uri().toString().startsWith(baseUrl + path)) {
                throw new IOException("the session was lost: " + path + " ended at " + response.uri());
            }
            return response;
        }

        /** A PrimeFaces partial (ajax) request to a page, as its scripts send it. */
        HttpResponse<String> ajax(String path, String form) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .header("Faces-Request", "partial/ajax")
                    .header("X-Requested-With", "XMLHttpRequest")
                    .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!response.uri().toString().startsWith(baseUrl + path)) {
                throw new IOException("the session was lost: " + path + " ended at " + response.uri());
            }
            return response;
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
