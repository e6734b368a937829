package io.supportflow.engine.rest;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Reading request bodies within the limit, and writing JSON replies with their headers. An oversized body is
 * answered 413 before it is read when {@code Content-Length} already says so (so a client waiting on
 * {@code Expect: 100-continue} gets the 413 instead of the 100 and sends nothing), otherwise as soon as the limit is
 * passed. The 413 closes the connection: Jetty half-closes it after the answer and reads and drops what the client
 * still sends, up to a bound of its own, so a client still sending sees the answer rather than a reset.
 */
final class HttpIo {

    private final int maxBodyBytes;

    HttpIo(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * The request body, at most {@code maxBodyBytes} bytes; a non-empty body must be JSON.
     *
     * @throws Failure.Rejected BODY_TOO_LARGE (413; nothing more of the body is read) or UNSUPPORTED_MEDIA_TYPE
     *                          (415), naming the body or header
     * @throws IOException      when the client goes away or is too slow
     */
    byte[] readBody(Request request) throws IOException {
        HttpFields headers = request.getHeaders();
        if (request.getLength() > maxBodyBytes) {
            throw tooLarge();
        }
        if (request.getLength() == 0) {
            return new byte[0];
        }
        byte[] body = Content.Source.asInputStream(request).readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw tooLarge();
        }
        if (body.length > 0 && !isJson(headers.get("Content-Type"))) {
            throw Failure.of(TransportError.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json",
                    "Content-Type").rejected();
        }
        return body;
    }

    private Failure.Rejected tooLarge() {
        return Failure.of(TransportError.BODY_TOO_LARGE, "the body is larger than " + maxBodyBytes
                + " bytes. Send a smaller body.", "body").rejected();
    }

    /** Sends {@code reply} as JSON with its ETag, Location and Retry-After; completes {@code callback}. */
    void send(Request request, Response response, Reply reply, Callback callback) {
        byte[] bytes = GovStackJson.write(reply.body());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        if (reply.version() >= 0) {
            headers.put("ETag", "\"" + reply.version() + "\"");
        }
        if (reply.location() != null) {
            headers.put("Location", reply.location());
        }
        if (reply.status() == TransportError.SERVICE_UNAVAILABLE.httpStatus()) {
            headers.put("Retry-After", "1");
        }
        if (reply.status() == TransportError.BODY_TOO_LARGE.httpStatus()) {
            headers.put("Connection", "close");
        }
        response.setStatus(reply.status());
        headers.put("Content-Length", Long.toString(bytes.length));
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
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
