package kz.qorgau.infra;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A request sent by a browser-like client that follows redirects, waited for at most a given time, answer and body.
 * Such a request carries no timeout of its own: Java 17's client starts a timer for each hop of a redirect chain
 * and cancels only the last one (JDK-8304701, fixed in Java 22). The forgotten timer fires later and closes the
 * connection of the chain's last hop, which the client has by then taken up again for another request of the same
 * user: that request fails with "connection closed locally", and the server logs the client as having gone away.
 */
public final class TimedSend {

    private TimedSend() {
    }

    /** Sends {@code request} (which must have no timeout of its own) and gives up, cancelling it, after {@code timeout}. */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body,
                                           Duration timeout) throws IOException, InterruptedException {
        if (request.timeout().isPresent()) {
            throw new IllegalArgumentException("a request sent with TimedSend has no timeout of its own: " + request.uri().getPath());
        }
        CompletableFuture<HttpResponse<T>> answer = client.sendAsync(request, body);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            answer.cancel(true);
            throw new HttpTimeoutException("no answer in " + timeout.toMillis() + " ms");
        } catch (InterruptedException stop) {
            answer.cancel(true);
            throw stop;
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }
}
