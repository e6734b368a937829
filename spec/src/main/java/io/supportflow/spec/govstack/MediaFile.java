package io.supportflow.spec.govstack;

/** GovStack {@code MediaFile}. */
public record MediaFile(String mimetype, String url, String signature, String dsa) {
}
