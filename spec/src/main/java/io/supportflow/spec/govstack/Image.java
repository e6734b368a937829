package io.supportflow.spec.govstack;

/** GovStack {@code Image}; {@code size_type} is one of xs, sm, md, lg, xl, custom. */
public record Image(String url, String sizeType, String width, String height) {
}
