package io.supportflow.properties;

import java.util.Map;

/** One HTTP request that must be refused with a 4xx: method, raw (percent-encoded) path, body, headers. */
record BadRequest(String method, String rawPath, String body, Map<String, String> headers) {
    BadRequest {
        headers = Map.copyOf(headers);
    }

    BadRequest(String method, String rawPath, String body) {
        this(method, rawPath, body, body == null ? Map.of() : Map.of("Content-Type", "application/json"));
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "…(" + body.length()
                + " chars)" : body);
        return method + " " + rawPath + (headers.containsKey("If-Match") ? " If-Match " + headers.get("If-Match") : "")
                + shown;
    }
}
