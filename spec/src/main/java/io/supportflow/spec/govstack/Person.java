package io.supportflow.spec.govstack;

import java.util.List;

/** GovStack {@code Person}. {@code age} is an ISO 8601 duration, {@code dob} an ISO date. */
public record Person(String id, String url, String name, Image image, String age, String dob, String gender,
                     List<Credential> creds, List<Language> languages, List<Skill> skills) {

    public Person {
        creds = creds == null ? List.of() : List.copyOf(creds);
        languages = languages == null ? List.of() : List.copyOf(languages);
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    /** A person with only a name. */
    public static Person named(String name) {
        return new Person(null, null, name, null, null, null, null, null, null, null);
    }
}
