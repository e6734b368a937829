package io.supportflow.engine.rest;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/** Reading request bodies within the limit, and writing JSON replies with their headers. */
final class HttpIo {

    /**
     * How much of an oversized body is read and dropped before answering 413: a client still sending its body when
     * the server answers and closes would see a connection reset instead of the 413. Past this, the reset it is.
     */
    private static final int DRAIN_LIMIT = 1 << 20;

    private HttpIo() {
    }

    /**
     * The request body, at most {@link RestOptions#BODY_LIMIT} bytes; a non-empty body must be JSON.
     *
     * @throws Failure.Rejected BODY_TOO_LARGE (413) or UNSUPPORTED_MEDIA_TYPE (415), naming the body or header
     * @throws IOException      when the client goes away
     */
    static byte[] readBody(HttpExchange exchange) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        InputStream in = exchange.getRequestBody();
        if (declaredLength(headers) > RestOptions.BODY_LIMIT) {
            throw tooLarge(in);
        }
        byte[] body = in.readNBytes(RestOptions.BODY_LIMIT + 1);
        if (body.length > RestOptions.BODY_LIMIT) {
            throw tooLarge(in);
        }
        if (body.length > 0 && !isJson(headers.getFirst("Content-Type"))) {
            throw Failure.of(TransportError.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json",
                    "Content-Type").rejected();
        }
        return body;
    }

    /** Sends {@code reply} as JSON with its ETag and Location; the caller closes the exchange. */
    static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = GovStackJson.write(reply.body());
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        if (reply.version() >= 0) {
            headers.set("ETag", "\"" + reply.version() + "\"");
        }
        if (reply.location() != null) {
            headers.set("Location", reply.location());
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static long declaredLength(Headers headers) {
        String value = headers.getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw Failure.invalid("Content-Length is not a number", "Content-Length").rejected();
        }
    }

    private static Failure.Rejected tooLarge(InputStream in) throws IOException {
        drain(in);
        return Failure.of(TransportError.BODY_TOO_LARGE, "the body is larger than " + RestOptions.BODY_LIMIT
                + " bytes. Send a smaller body.", "body").rejected();
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = DRAIN_LIMIT;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= read;
        }
    }

    /** {@code application/json} or any {@code +json} type, with parameters; a missing type counts as JSON. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }
}
