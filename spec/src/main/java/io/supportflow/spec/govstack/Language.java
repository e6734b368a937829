package io.supportflow.spec.govstack;

/** A language known to a person ({@code Person.languages[]}). */
public record Language(String code, String name) {
}
