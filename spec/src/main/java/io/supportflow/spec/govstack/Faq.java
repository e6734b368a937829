package io.supportflow.spec.govstack;

/** GovStack {@code Support.faq}: link to the FAQ document ({@code mime_type} in JSON). */
public record Faq(String url, String mimeType) {
}
