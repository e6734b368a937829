package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What to answer: a status, a JSON body, and when the body shows a session its version (sent as
 * {@code ETag: "<version>"}), for a created session its {@code Location}, and for a page of a list the link to the
 * next page (sent as {@code Link: <next>; rel="next"}).
 *
 * @param version  the session version for the ETag, or -1 for none
 * @param location the Location header, or null
 * @param next     the URI reference of the next page, or null
 * @param text     a Prometheus text body sent instead of {@code body}, or null
 */
record Reply(int status, JsonNode body, long version, String location, String next, String text) {
    /** The Prometheus text exposition format's media type. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    Reply(int status, JsonNode body, long version, String location, String next) {
        this(status, body, version, location, next, null);
    }

    static Reply of(int status, JsonNode body) {
        return new Reply(status, body, -1, null, null);
    }

    static Reply page(JsonNode body, String next) {
        return new Reply(200, body, -1, null, next);
    }

    /** A 200 answer of Prometheus text instead of JSON. */
    static Reply prometheus(String text) {
        return new Reply(200, null, -1, null, null, text);
    }

    static Reply failure(Failure failure) {
        return of(failure.status(), GovStackJson.mapper().valueToTree(failure.body()));
    }
}
