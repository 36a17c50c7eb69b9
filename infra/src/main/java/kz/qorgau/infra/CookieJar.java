package kz.qorgau.infra;

import java.net.CookieHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A browser's cookies for a load or a drill: by host and port, path and flags ignored. The JDK's CookieManager
 * withholds cookies marked Secure over plain HTTP, which Keycloak sets on its login session even on localhost; a
 * browser treats localhost as secure.
 */
public final class CookieJar extends CookieHandler {

    private final Map<String, Map<String, String>> byAuthority = new ConcurrentHashMap<>();

    /** The value of a cookie the server at {@code authority} (host:port) set, if it is still kept. */
    public Optional<String> value(String authority, String name) {
        return Optional.ofNullable(byAuthority.getOrDefault(authority, Map.of()).get(name));
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        Map<String, String> cookies = byAuthority.getOrDefault(uri.getAuthority(), Map.of());
        if (cookies.isEmpty()) {
            return Map.of();
        }
        List<String> pairs = new ArrayList<>();
        cookies.forEach((name, value) -> pairs.add(name + "=" + value));
        return Map.of("Cookie", List.of(String.join("; ", pairs)));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((header, values) -> {
            if (!"set-cookie".equalsIgnoreCase(header)) {
                return;
            }
            for (String value : values) {
                String pair = value.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).trim();
                String content = pair.substring(eq + 1).trim();
                Map<String, String> cookies = byAuthority.computeIfAbsent(uri.getAuthority(), a -> new ConcurrentHashMap<>());
                if (content.isEmpty() || value.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, content);
                }
            }
        });
    }
}
