package io.supportflow.persistence;

import io.supportflow.spec.govstack.AdditionalDesc;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Chat;
import io.supportflow.spec.govstack.City;
import io.supportflow.spec.govstack.Contact;
import io.supportflow.spec.govstack.Credential;
import io.supportflow.spec.govstack.Descriptor;
import io.supportflow.spec.govstack.Faq;
import io.supportflow.spec.govstack.Image;
import io.supportflow.spec.govstack.Language;
import io.supportflow.spec.govstack.MediaFile;
import io.supportflow.spec.govstack.Organization;
import io.supportflow.spec.govstack.Person;
import io.supportflow.spec.govstack.Region;
import io.supportflow.spec.govstack.Skill;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

import java.time.Instant;
import java.util.List;

/** jqwik arbitraries for every stored value, with nulls, empty lists, odd text and extreme instants. */
final class Values {

    private Values() {
    }

    static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(8),
                Arbitraries.strings().withChars("\0\1\2aé€😀").ofMaxLength(5),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40));
    }

    static Arbitrary<String> optionalText() {
        return text().injectNull(0.3);
    }

    static Arbitrary<Instant> instant() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n))),
                Arbitraries.longs().between(1_600_000_000L, 1_900_000_000L).map(Instant::ofEpochSecond),
                Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999)));
    }

    static Arbitrary<Image> image() {
        return Combinators.combine(optionalText(), optionalText(), optionalText(), optionalText()).as(Image::new);
    }

    static Arbitrary<Descriptor> descriptor() {
        Arbitrary<AdditionalDesc> additional = Combinators.combine(optionalText(), optionalText()).as(AdditionalDesc::new);
        Arbitrary<MediaFile> media = Combinators.combine(optionalText(), optionalText(), optionalText(), optionalText())
                .as(MediaFile::new);
        return Combinators.combine(optionalText(), optionalText(), optionalText(), optionalText(),
                        additional.injectNull(0.5), media.list().ofMaxSize(2).injectNull(0.3),
                        image().list().ofMaxSize(2).injectNull(0.3))
                .as(Descriptor::new);
    }

    static Arbitrary<Agent> agent() {
        Arbitrary<Contact> contact = Combinators.combine(optionalText(), optionalText()).as(Contact::new);
        Arbitrary<Person> person = Builders.withBuilder(() -> new Object[10])
                .use(optionalText()).in((a, v) -> set(a, 0, v))
                .use(optionalText()).in((a, v) -> set(a, 1, v))
                .use(optionalText()).in((a, v) -> set(a, 2, v))
                .use(image().injectNull(0.5)).in((a, v) -> set(a, 3, v))
                .use(optionalText()).in((a, v) -> set(a, 4, v))
                .use(optionalText()).in((a, v) -> set(a, 5, v))
                .use(optionalText()).in((a, v) -> set(a, 6, v))
                .use(Combinators.combine(optionalText(), optionalText(), optionalText()).as(Credential::new).list()
                        .ofMaxSize(2)).in((a, v) -> set(a, 7, v))
                .use(Combinators.combine(optionalText(), optionalText()).as(Language::new).list().ofMaxSize(2))
                .in((a, v) -> set(a, 8, v))
                .use(Combinators.combine(optionalText(), optionalText()).as(Skill::new).list().ofMaxSize(2))
                .in((a, v) -> set(a, 9, v))
                .build(Values::person);
        Arbitrary<Organization> organization = Combinators.combine(descriptor().injectNull(0.5), optionalText(),
                Combinators.combine(optionalText(), optionalText()).as(Region::new).injectNull(0.5),
                Combinators.combine(optionalText(), optionalText()).as(City::new).injectNull(0.5),
                contact.injectNull(0.5)).as(Organization::new);
        return Combinators.combine(text(), person.injectNull(0.5), contact.injectNull(0.5),
                organization.injectNull(0.5), optionalText()).as(Agent::new);
    }

    @SuppressWarnings("unchecked")
    private static Person person(Object[] a) {
        return new Person((String) a[0], (String) a[1], (String) a[2], (Image) a[3], (String) a[4], (String) a[5],
                (String) a[6], (List<Credential>) a[7], (List<Language>) a[8], (List<Skill>) a[9]);
    }

    private static Object[] set(Object[] array, int index, Object value) {
        array[index] = value;
        return array;
    }

    static Arbitrary<Support> support() {
        return Combinators.combine(descriptor().injectNull(0.3), optionalText(), optionalText(),
                Combinators.combine(optionalText(), optionalText()).as(Chat::new).injectNull(0.5),
                Combinators.combine(optionalText(), optionalText()).as(Faq::new).injectNull(0.5),
                agent().injectNull(0.5)).as(Support::new);
    }

    static Arbitrary<Session> session() {
        Arbitrary<Instant[]> times = Combinators.combine(instant(), instant(), instant().injectNull(0.5),
                instant().injectNull(0.5)).as((opened, updated, closed, deadline) ->
                new Instant[] {opened, updated, closed, deadline});
        return Combinators.combine(text(), Arbitraries.of("OPEN", "ASSIGNED", "CLOSED", "WAITING_ON_CUSTOMER"),
                        Arbitraries.longs().between(1, Long.MAX_VALUE), support(), agent().injectNull(0.5), times)
                .as((orderId, state, version, details, agent, t) ->
                        new Session(orderId, state, version, details, agent, t[0], t[1], t[2], t[3]));
    }

    static Arbitrary<JournalEntry> journalEntry() {
        Arbitrary<Object[]> payload = Combinators.combine(Arbitraries.of(Actor.class), instant(),
                support().injectNull(0.5), agent().injectNull(0.5)).as((actor, at, body, agent) ->
                new Object[] {actor, at, body, agent});
        return Combinators.combine(text(), Arbitraries.longs().between(1, Long.MAX_VALUE),
                        Arbitraries.of("open", "update", "assign", "escalate"), Arbitraries.of("NONE", "OPEN", "X"),
                        Arbitraries.of("OPEN", "CLOSED"), Arbitraries.of(Effect.class).list().ofMaxSize(3), payload)
                .as((orderId, version, event, from, to, effects, p) -> new JournalEntry(orderId, version, event, from,
                        to, effects, (Actor) p[0], (Instant) p[1], (Support) p[2], (Agent) p[3]));
    }

    static Arbitrary<Assignment> assignment() {
        return Combinators.combine(text(), text(), Arbitraries.longs().between(0, Long.MAX_VALUE), instant(),
                        Arbitraries.of(Assignment.EndReason.class).injectNull(0.4), instant())
                .as((orderId, agentId, start, startedAt, reason, endedAt) -> {
                    Assignment started = Assignment.started(orderId, agentId, start, startedAt);
                    return reason == null ? started : started.ended(reason, endedAt);
                });
    }

    static Arbitrary<AgentProfile> agentProfile() {
        return Combinators.combine(agent(), Arbitraries.integers().between(1, Integer.MAX_VALUE - 1).injectNull(0.5),
                        Arbitraries.of(true, false))
                .as((agent, capacity, available) -> new AgentProfile(agent.id(), capacity, available, agent));
    }
}
