package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What to answer: a status, a JSON body, and when the body shows a session its version (sent as
 * {@code ETag: "<version>"}) and, for a created session, its {@code Location}.
 *
 * @param version  the session version for the ETag, or -1 for none
 * @param location the Location header, or null
 */
record Reply(int status, JsonNode body, long version, String location) {

    static Reply of(int status, JsonNode body) {
        return new Reply(status, body, -1, null);
    }

    static Reply failure(Failure failure) {
        return of(failure.status(), GovStackJson.mapper().valueToTree(failure.body()));
    }
}
