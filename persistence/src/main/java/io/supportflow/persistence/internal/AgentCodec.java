package io.supportflow.persistence.internal;

import io.supportflow.persistence.RecordFormatException;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.City;
import io.supportflow.spec.govstack.Contact;
import io.supportflow.spec.govstack.Credential;
import io.supportflow.spec.govstack.Language;
import io.supportflow.spec.govstack.Organization;
import io.supportflow.spec.govstack.Person;
import io.supportflow.spec.govstack.Region;
import io.supportflow.spec.govstack.Skill;

/** Format 1 of the GovStack {@code Agent} value and the values it contains (fields in declaration order). */
final class AgentCodec {

    private AgentCodec() {
    }

    static void agent(RecordWriter w, Agent a) {
        w.string(a.id());
        w.optional(a.person(), AgentCodec::person);
        w.optional(a.contact(), AgentCodec::contact);
        w.optional(a.organization(), AgentCodec::organization);
        w.string(a.rating());
    }

    static Agent agent(RecordReader r) {
        return new Agent(r.string(), r.optional(AgentCodec::person), r.optional(AgentCodec::contact),
                r.optional(AgentCodec::organization), r.string());
    }

    private static void person(RecordWriter w, Person p) {
        w.string(p.id());
        w.string(p.url());
        w.string(p.name());
        w.optional(p.image(), SupportCodec::image);
        w.string(p.age());
        w.string(p.dob());
        w.string(p.gender());
        w.list(p.creds(), (o, c) -> {
            o.string(c.id());
            o.string(c.type());
            o.string(c.url());
        });
        w.list(p.languages(), (o, l) -> {
            o.string(l.code());
            o.string(l.name());
        });
        w.list(p.skills(), (o, s) -> {
            o.string(s.code());
            o.string(s.name());
        });
    }

    private static Person person(RecordReader r) {
        return new Person(r.string(), r.string(), r.string(), r.optional(SupportCodec::image), r.string(), r.string(),
                r.string(),
                r.list(o -> new Credential(o.string(), o.string(), o.string())),
                r.list(o -> new Language(o.string(), o.string())),
                r.list(o -> new Skill(o.string(), o.string())));
    }

    private static void contact(RecordWriter w, Contact c) {
        w.string(c.phone());
        w.string(c.email());
    }

    private static Contact contact(RecordReader r) {
        return new Contact(r.string(), r.string());
    }

    private static void organization(RecordWriter w, Organization o) {
        w.optional(o.descriptor(), SupportCodec::descriptor);
        w.string(o.address());
        w.optional(o.state(), (x, s) -> {
            x.string(s.name());
            x.string(s.code());
        });
        w.optional(o.city(), (x, c) -> {
            x.string(c.name());
            x.string(c.code());
        });
        w.optional(o.contact(), AgentCodec::contact);
    }

    private static Organization organization(RecordReader r) {
        return new Organization(r.optional(SupportCodec::descriptor), r.string(),
                r.optional(x -> new Region(x.string(), x.string())),
                r.optional(x -> new City(x.string(), x.string())),
                r.optional(AgentCodec::contact));
    }
}
