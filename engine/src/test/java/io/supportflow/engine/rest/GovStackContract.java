package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GovStack contract files beside the repository ({@code ../shared/govstack}), and a third-party validator
 * (networknt json-schema-validator, OpenAPI 3.0 dialect) for their schemas. {@code Support} and {@code Agent} come
 * from the 8.12 subset; {@code Error} is not in the subset and comes from the full 0.2 file.
 */
final class GovStackContract {

    static final String SUBSET = "support-management-0.2.yaml";
    static final String FULL = "emarketplace-bb-0.2.yaml";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OpenApi30.getInstance())
                    .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();

    static final JsonSchema SUPPORT = schema(SUBSET, "Support");
    static final JsonSchema AGENT = schema(SUBSET, "Agent");
    static final JsonSchema ERROR = schema(FULL, "Error");

    private GovStackContract() {
    }

    /**
     * The contract directory: the {@code govstack.dir} system property (set by the build), else the first
     * {@code shared/govstack} found beside the working directory or one of its ancestors.
     *
     * @throws IllegalStateException naming where it looked, when the files are missing
     */
    static Path directory() {
        String configured = System.getProperty("govstack.dir");
        if (configured != null && Files.isRegularFile(Path.of(configured, SUBSET))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/govstack");
            if (Files.isRegularFile(candidate.resolve(SUBSET))) {
                return candidate;
            }
        }
        throw new IllegalStateException("GovStack contract not found: expected " + SUBSET + " in the govstack.dir "
                + "system property (" + configured + ") or in shared/govstack beside " + Path.of("").toAbsolutePath()
                + " or one of its parents (a clone's ../shared/govstack)");
    }

    static Path file(String name) {
        return directory().resolve(name);
    }

    private static JsonSchema schema(String file, String name) {
        return schemaAt(file(file), "#/components/schemas/" + name);
    }

    /** The schema at {@code pointer} (a URI fragment, {@code #/...}) of the OpenAPI 3.0 document {@code file}. */
    static JsonSchema schemaAt(Path file, String pointer) {
        return FACTORY.getSchema(SchemaLocation.of(file.toUri() + pointer), CONFIG);
    }

    /** Asserts {@code json} is valid under {@code schema}, listing every violation otherwise. */
    static void assertValid(JsonSchema schema, JsonNode json) {
        Set<ValidationMessage> violations = schema.validate(json);
        assertThat(violations).as("contract violations of %s", json).isEmpty();
    }
}
