package io.supportflow.spec.govstack;

/** GovStack {@code Descriptor.additional_desc}; {@code content_type} is text/plain, text/html or application/json. */
public record AdditionalDesc(String url, String contentType) {
}
