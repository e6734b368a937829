package io.supportflow.spec.govstack;

/**
 * GovStack {@code Agent}: the person (or bot) serving a support session. {@code rating} is a GovStack
 * {@code Rating.value}: a number or a rating expression (see {@link io.supportflow.spec.rating.RatingExpression}).
 */
public record Agent(String id, Person person, Contact contact, Organization organization, String rating) {

    /** An agent with only its id set. */
    public static Agent withId(String id) {
        return new Agent(id, null, null, null, null);
    }
}
