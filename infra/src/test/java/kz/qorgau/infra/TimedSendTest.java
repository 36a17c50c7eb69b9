package kz.qorgau.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A redirected request's wait is bounded without a timer that outlives it and closes a later request's connection. */
class TimedSendTest {

    private HttpServer server;
    private String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/first", e -> redirect(e, "/second"));
        server.createContext("/second", e -> redirect(e, "/page"));
        server.createContext("/page", e -> answer(e, 0));
        server.createContext("/slow", e -> answer(e, 700));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aLaterRequestOnTheSameConnectionOutlivesTheRedirectedOnesTimeout() throws Exception {
        Duration timeout = Duration.ofMillis(400);
        HttpResponse<String> redirected = TimedSend.send(client, get("/first"), HttpResponse.BodyHandlers.ofString(), timeout);
        assertThat(redirected.uri().getPath()).isEqualTo("/page");
        assertThat(redirected.previousResponse()).isPresent();

        // on the kept-alive connection of the chain's last hop, and still reading the body when the first hop's timer
        // would fire: Java 17 closed the connection under it then, with a timeout on the chain's request
        HttpResponse<String> slow = TimedSend.send(client, get("/slow"), HttpResponse.BodyHandlers.ofString(), Duration.ofSeconds(5));
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slow.body()).hasSize(40_000);
    }

    @Test
    void aBodyStillComingAtTheTimeoutIsNoAnswer() {
        assertThatThrownBy(() -> TimedSend.send(client, get("/slow"), HttpResponse.BodyHandlers.ofString(), Duration.ofMillis(100)))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aRefusedConnectionIsTheClientsOwnException() throws IOException {
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        HttpRequest refused = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closed + "/")).GET().build();
        assertThatThrownBy(() -> TimedSend.send(client, refused, HttpResponse.BodyHandlers.ofString(), Duration.ofSeconds(5)))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aRequestWithATimeoutOfItsOwnIsRefused() {
        HttpRequest timed = HttpRequest.newBuilder(URI.create(base + "/page")).timeout(Duration.ofSeconds(1)).GET().build();
        assertThatThrownBy(() -> TimedSend.send(client, timed, HttpResponse.BodyHandlers.ofString(), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).GET().build();
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Location", to);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** The headers and a first part of the body at once, the rest {@code afterMillis} later, as a page rendered in parts. */
    private static void answer(HttpExchange exchange, long afterMillis) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] page = "page".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, page.length);
        exchange.getResponseBody().write(page, 0, 100);
        exchange.getResponseBody().flush();
        try {
            Thread.sleep(afterMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.getResponseBody().write(page, 100, page.length - 100);
        exchange.close();
    }
}
