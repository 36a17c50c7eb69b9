package kz.qorgau.web.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A JSON body is exactly one JSON value, and not an unbounded one: JSON-B alone would read the first value and ignore
 * whatever follows it, so {@code {"text":"a"} garbage} was accepted. Refused bodies answer 400 like unreadable JSON.
 */
@Provider
public class OneJsonValue implements ReaderInterceptor {

    /** Far above any form of Qorgau (a note is 4000 characters), far below what could exhaust the heap. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new BadRequestException();
        }
        if (body.length > 0) {
            requireOneValue(body);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static void requireOneValue(byte[] body) {
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                parser.next();
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException unreadable) {
            throw new BadRequestException();
        }
    }
}
