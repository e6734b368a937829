package io.supportflow.spec.govstack;

/** GovStack {@code Credential} of a person or organization. */
public record Credential(String id, String type, String url) {
}
