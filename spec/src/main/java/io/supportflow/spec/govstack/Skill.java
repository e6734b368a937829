package io.supportflow.spec.govstack;

/** A skill of a person ({@code Person.skills[]}). */
public record Skill(String code, String name) {
}
