package io.supportflow.spec.govstack;

/** GovStack {@code Contact}. The contract's free-form {@code jcard} object is not kept. */
public record Contact(String phone, String email) {
}
