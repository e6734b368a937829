package io.supportflow.engine.rest;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reading request bodies within the limit, and writing JSON replies with their headers. An oversized body is
 * answered 413 before it is read when {@code Content-Length} already says so (a client waiting on
 * {@code Expect: 100-continue} gets the 413 instead of the 100 and sends nothing); otherwise the 413 is sent as soon
 * as the limit is passed. Either way the connection then closes, after up to {@link #DRAIN_LIMIT} more bytes of the
 * body have been read and dropped, so that a client that writes its whole body before it reads (the JDK's
 * {@code HttpClient} does) sees the answer rather than a connection reset.
 */
final class HttpIo {

    /** How much of an oversized body is read and dropped after the 413 is sent, before the connection closes. */
    static final int DRAIN_LIMIT = 4 << 20;

    private final int maxBodyBytes;
    private final long sendTimeoutMillis;

    HttpIo(int maxBodyBytes, long sendTimeoutMillis) {
        this.maxBodyBytes = maxBodyBytes;
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    /** Thrown by {@link #readBody} when the body is over the limit; the caller answers with {@link #refuse}. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient boolean bodyExpected;

        TooLarge(boolean bodyExpected) {
            super(null, null, false, false);
            this.bodyExpected = bodyExpected;
        }
    }

    /**
     * The request body, at most {@code maxBodyBytes} bytes; a non-empty body must be JSON.
     *
     * @throws TooLarge         when the body is over the limit (nothing answered yet)
     * @throws Failure.Rejected UNSUPPORTED_MEDIA_TYPE (415) naming the header
     * @throws IOException      when the client goes away or is too slow
     */
    byte[] readBody(Request request) throws IOException, TooLarge {
        HttpFields headers = request.getHeaders();
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            throw new TooLarge(!headers.contains("Expect", "100-continue"));
        }
        if (declared == 0) {
            return new byte[0];
        }
        byte[] body = Content.Source.asInputStream(request).readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw new TooLarge(true);
        }
        if (body.length > 0 && !isJson(headers.get("Content-Type"))) {
            throw Failure.of(TransportError.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json",
                    "Content-Type").rejected();
        }
        return body;
    }

    /**
     * Answers 413 and closes the connection: the answer first, then (when the client is sending its body) up to
     * {@link #DRAIN_LIMIT} bytes read and dropped, then the exchange completes.
     */
    void refuse(Request request, Response response, TooLarge tooLarge, Callback callback) {
        response.getHeaders().put("Connection", "close");
        FutureCallback sent = new FutureCallback();
        send(request, response, Reply.failure(Failure.of(TransportError.BODY_TOO_LARGE, "the body is larger than "
                + maxBodyBytes + " bytes. Send a smaller body.", "body")), sent);
        try {
            sent.get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
            if (tooLarge.bodyExpected) {
                drain(request);
            }
            callback.succeeded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } catch (ExecutionException | TimeoutException | IOException e) {
            callback.failed(e);
        }
    }

    /**
     * Reads and drops what is left of the request body (nothing, once {@link #readBody} has read it), so that the
     * connection stays usable after an answer given without the body (a refusal before it was read). When more than
     * {@code maxBodyBytes} are left, or the client waits on {@code Expect: 100-continue}, the answer closes the
     * connection instead.
     */
    void discardRest(Request request, Response response) {
        if (request.getHeaders().contains("Expect", "100-continue") && !consumed(request)) {
            response.getHeaders().put("Connection", "close");
            return;
        }
        try {
            if (Content.Source.asInputStream(request).skip(maxBodyBytes + 1L) > maxBodyBytes) {
                response.getHeaders().put("Connection", "close");
            }
        } catch (IOException e) {
            response.getHeaders().put("Connection", "close");
        }
    }

    private static boolean consumed(Request request) {
        return request.getLength() == 0;
    }

    private static void drain(Request request) throws IOException {
        InputStream in = Content.Source.asInputStream(request);
        byte[] buffer = new byte[16 * 1024];
        long left = DRAIN_LIMIT;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= read;
        }
    }

    /** Sends {@code reply} (JSON, or its document) with its ETag, Location and Retry-After; completes {@code callback}. */
    void send(Request request, Response response, Reply reply, Callback callback) {
        Reply.Document document = reply.document();
        byte[] bytes = document == null ? GovStackJson.write(reply.body()) : document.bytes();
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("Content-Type", document == null ? "application/json; charset=utf-8" : document.contentType());
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        if (reply.version() >= 0) {
            headers.put("ETag", "\"" + reply.version() + "\"");
        }
        if (reply.location() != null) {
            headers.put("Location", reply.location());
        }
        if (reply.next() != null) {
            headers.put("Link", "<" + reply.next() + ">; rel=\"next\"");
        }
        if (reply.status() == TransportError.SERVICE_UNAVAILABLE.httpStatus() && reply.body() != null
                && !TransportError.STORE_DAMAGED.name().equals(reply.body().path("code").asText())) {
            headers.put("Retry-After", "1");
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
