package io.supportflow.spec.govstack;

/** GovStack {@code Organization}. {@code address} is the contract's plain-string {@code Address}. */
public record Organization(Descriptor descriptor, String address, Region state, City city, Contact contact) {
}
