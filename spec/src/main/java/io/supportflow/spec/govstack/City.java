package io.supportflow.spec.govstack;

/** GovStack {@code City}. */
public record City(String name, String code) {
}
