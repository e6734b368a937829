package io.supportflow.spec.govstack;

/** GovStack {@code State}: a geopolitical region (named Region here so as not to clash with lifecycle states). */
public record Region(String name, String code) {
}
