package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

/**
 * What to answer: a status, a JSON body (or a document of another type), and when the body shows a session its
 * version (sent as {@code ETag: "<version>"}), for a created session its {@code Location}, and for a page of a list
 * the link to the next page (sent as {@code Link: <next>; rel="next"}).
 *
 * @param body     the JSON body; null when {@code document} is the body
 * @param version  the session version for the ETag, or -1 for none
 * @param location the Location header, or null
 * @param next     the URI reference of the next page, or null
 * @param document a body that is not JSON, or null
 */
record Reply(int status, JsonNode body, long version, String location, String next, Document document) {
    /** The Prometheus text exposition format's media type. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** A body of another media type, sent as it is. */
    record Document(String contentType, byte[] bytes) {
    }

    Reply(int status, JsonNode body, long version, String location, String next) {
        this(status, body, version, location, next, null);
    }

    static Reply of(int status, JsonNode body) {
        return new Reply(status, body, -1, null, null);
    }

    static Reply page(JsonNode body, String next) {
        return new Reply(200, body, -1, null, next);
    }

    /** A 200 answer of {@code bytes} of {@code contentType} instead of JSON. */
    static Reply document(String contentType, byte[] bytes) {
        return new Reply(200, null, -1, null, null, new Document(contentType, bytes));
    }

    /** A 200 answer of Prometheus text instead of JSON. */
    static Reply prometheus(String text) {
        return document(PROMETHEUS_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static Reply failure(Failure failure) {
        return of(failure.status(), GovStackJson.mapper().valueToTree(failure.body()));
    }
}
