package io.supportflow.spec.govstack;

/** GovStack {@code Error}: {@code code}, human-readable {@code message}, and the JSON {@code paths} at fault (may be null). */
public record GovStackError(String code, String message, String paths) {
}
