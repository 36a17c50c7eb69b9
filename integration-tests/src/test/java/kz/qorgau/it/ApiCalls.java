package kz.qorgau.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One call of the REST API with a user's bearer token, as another agency's system makes it (HTTP/1.1, JSON). */
final class ApiCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ApiCalls() {
    }

    static HttpResponse<String> call(String url, String token, String method, String body, String language) {
        return call(url, token, method, body, language, null);
    }

    /** A change of an existing record, naming the version it was decided on ({@code ifMatch}, an ETag; null for none). */
    static HttpResponse<String> call(String url, String token, String method, String body, String language, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", language)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + URI.create(url).getPath(), e);
        }
    }
}
