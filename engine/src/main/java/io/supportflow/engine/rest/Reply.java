package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What to answer: a status, a JSON body (or a document of another type), and when the body shows a session its
 * version (sent as {@code ETag: "<version>"}) and, for a created session, its {@code Location}.
 *
 * @param body     the JSON body; null when {@code document} is the body
 * @param version  the session version for the ETag, or -1 for none
 * @param location the Location header, or null
 * @param document a body that is not JSON, or null
 */
record Reply(int status, JsonNode body, long version, String location, Document document) {

    /** A body of another media type, sent as it is. */
    record Document(String contentType, byte[] bytes) {
    }

    Reply(int status, JsonNode body, long version, String location) {
        this(status, body, version, location, null);
    }

    static Reply of(int status, JsonNode body) {
        return new Reply(status, body, -1, null);
    }

    static Reply document(String contentType, byte[] bytes) {
        return new Reply(200, null, -1, null, new Document(contentType, bytes));
    }

    static Reply failure(Failure failure) {
        return of(failure.status(), GovStackJson.mapper().valueToTree(failure.body()));
    }
}
