package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document {@code GET /openapi.yaml} serves (the resource, as built), read as a client would: the operation of a
 * request, the response it documents for a status (the code, else its range {@code 4XX}, else {@code default}), and
 * that response's JSON schema, checked by the validator {@link GovStackContract} uses.
 */
final class ServedDocument {
    static final Path FILE = file();
    static final JsonNode ROOT = read(FILE);

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ServedDocument() {
    }

    static JsonNode read(Path yaml) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path template of the document that {@code rawPath} (no query) matches; empty when none does. */
    static Optional<String> template(String rawPath) {
        Iterator<String> templates = ROOT.path("paths").fieldNames();
        while (templates.hasNext()) {
            String template = templates.next();
            if (rawPath.matches(template.replace(".", "\\.").replaceAll("\\{[^}]+}", "[^/]+"))) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    /** The methods the document names for {@code template}, upper case. */
    static List<String> methods(String template) {
        List<String> methods = new ArrayList<>();
        ROOT.path("paths").path(template).fieldNames().forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
        return methods;
    }

    /**
     * Asserts that the document lists {@code status} for the operation (HEAD as GET) and that {@code json} is valid
     * under its schema. A path the document does not have (no route, or an empty id) must be refused with a 4xx
     * {@code Error}.
     */
    static void assertAnswer(String method, String rawPath, int status, JsonNode json) {
        Optional<String> template = template(rawPath);
        if (template.isEmpty()) {
            assertThat(status).as("%s %s is not in the served document, so it is refused", method, rawPath)
                    .isBetween(400, 499);
            assertValid("#/components/schemas/Error", json);
            return;
        }
        String operation = "GET".equals(method) || "HEAD".equals(method) ? "get" : method.toLowerCase(Locale.ROOT);
        JsonNode responses = ROOT.path("paths").path(template.get()).path(operation).path("responses");
        if (responses.isMissingNode()) {
            assertThat(status).as("%s %s: the document has no %s here, so it is a 405", method, rawPath, operation)
                    .isEqualTo(405);
            assertValid("#/components/schemas/Error", json);
            return;
        }
        String code = responses.has(Integer.toString(status)) ? Integer.toString(status)
                : responses.has(status / 100 + "XX") ? status / 100 + "XX" : "default";
        assertThat(responses.has(code)).as("%s %s: status %d documented", method, rawPath, status).isTrue();
        String response = "#/paths/" + escape(template.get()) + "/" + operation + "/responses/" + code;
        JsonNode described = responses.path(code);
        if (described.has("$ref")) {
            response = described.path("$ref").asText();
        }
        assertValid(response + "/content/application~1json/schema", json);
    }

    private static void assertValid(String pointer, JsonNode json) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(pointer, p -> GovStackContract.schemaAt(FILE, p));
        assertThat(schema.validate(json)).as("%s is valid under the served document's %s", json, pointer).isEmpty();
    }

    /** A JSON pointer token in a URI fragment. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }

    private static Path file() {
        URL resource = ServedContract.class.getResource(ServedContract.RESOURCE);
        assertThat(resource).as("the served document on the class path").isNotNull();
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
