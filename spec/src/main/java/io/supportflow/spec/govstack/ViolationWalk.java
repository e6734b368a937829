package io.supportflow.spec.govstack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Walks one GovStack value depth first, recording at most one violation per path. A null object or field is
 * skipped; a list over {@link Validation#MAX_ITEMS} is reported at its own path and its items are not
 * looked at, so the work is bounded too. One instance walks one value and is then discarded.
 */
final class ViolationWalk {
    private final List<Violation> violations = new ArrayList<>();

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    void support(String path, Support support, String expectedOrderId) {
        if (support == null) {
            return;
        }
        descriptor(path + ".descriptor", support.descriptor());
        field(path + ".order_id", support.orderId(), FieldRules.orderIdEqualTo(expectedOrderId));
        field(path + ".callback_phone", support.callbackPhone(), FieldRules.PHONE);
        if (support.chat() != null) {
            field(path + ".chat.url", support.chat().url(), FieldRules.WEB_URL);
            field(path + ".chat.session_id", support.chat().sessionId(), FieldRules.TEXT);
        }
        if (support.faq() != null) {
            field(path + ".faq.url", support.faq().url(), FieldRules.WEB_URL);
            field(path + ".faq.mime_type", support.faq().mimeType(), FieldRules.MEDIA_TYPE);
        }
        agent(path + ".agent", support.agent());
    }

    void agent(String path, Agent agent) {
        if (agent == null) {
            return;
        }
        field(path + ".id", agent.id(), FieldRules.AGENT_ID);
        person(path + ".person", agent.person());
        contact(path + ".contact", agent.contact());
        organization(path + ".organization", agent.organization());
        field(path + ".rating", agent.rating(), FieldRules.RATING);
    }

    void field(String path, String value, FieldRule rule) {
        if (value != null) {
            rule.problem(value).ifPresent(problem -> violations.add(new Violation(path, problem)));
        }
    }

    private void descriptor(String path, Descriptor descriptor) {
        if (descriptor == null) {
            return;
        }
        field(path + ".name", descriptor.name(), FieldRules.TEXT);
        field(path + ".code", descriptor.code(), FieldRules.TEXT);
        field(path + ".short_desc", descriptor.shortDesc(), FieldRules.LONG_TEXT);
        field(path + ".long_desc", descriptor.longDesc(), FieldRules.LONG_TEXT);
        if (descriptor.additionalDesc() != null) {
            field(path + ".additional_desc.url", descriptor.additionalDesc().url(), FieldRules.WEB_URL);
            field(path + ".additional_desc.content_type", descriptor.additionalDesc().contentType(),
                    FieldRules.CONTENT_TYPE);
        }
        list(path + ".media", descriptor.media(), this::media);
        list(path + ".images", descriptor.images(), this::image);
    }

    private void media(String path, MediaFile media) {
        field(path + ".mimetype", media.mimetype(), FieldRules.MEDIA_TYPE);
        field(path + ".url", media.url(), FieldRules.WEB_URL);
        field(path + ".signature", media.signature(), FieldRules.LONG_TEXT);
        field(path + ".dsa", media.dsa(), FieldRules.TEXT);
    }

    private void image(String path, Image image) {
        if (image == null) {
            return;
        }
        field(path + ".url", image.url(), FieldRules.IMAGE_URL);
        field(path + ".size_type", image.sizeType(), FieldRules.SIZE_TYPE);
        field(path + ".width", image.width(), FieldRules.TEXT);
        field(path + ".height", image.height(), FieldRules.TEXT);
    }

    private void person(String path, Person person) {
        if (person == null) {
            return;
        }
        field(path + ".id", person.id(), FieldRules.TEXT);
        field(path + ".url", person.url(), FieldRules.WEB_URL);
        field(path + ".name", person.name(), FieldRules.TEXT);
        image(path + ".image", person.image());
        field(path + ".age", person.age(), FieldRules.AGE);
        field(path + ".dob", person.dob(), FieldRules.DATE);
        field(path + ".gender", person.gender(), FieldRules.TEXT);
        list(path + ".creds", person.creds(), this::credential);
        list(path + ".languages", person.languages(),
                (at, language) -> codeAndName(at, language.code(), language.name()));
        list(path + ".skills", person.skills(), (at, skill) -> codeAndName(at, skill.code(), skill.name()));
    }

    private void credential(String path, Credential credential) {
        field(path + ".id", credential.id(), FieldRules.TEXT);
        field(path + ".type", credential.type(), FieldRules.TEXT);
        field(path + ".url", credential.url(), FieldRules.WEB_URL);
    }

    private void contact(String path, Contact contact) {
        if (contact == null) {
            return;
        }
        field(path + ".phone", contact.phone(), FieldRules.PHONE);
        field(path + ".email", contact.email(), FieldRules.EMAIL);
    }

    private void organization(String path, Organization organization) {
        if (organization == null) {
            return;
        }
        descriptor(path + ".descriptor", organization.descriptor());
        field(path + ".address", organization.address(), FieldRules.LONG_TEXT);
        if (organization.state() != null) {
            codeAndName(path + ".state", organization.state().code(), organization.state().name());
        }
        if (organization.city() != null) {
            codeAndName(path + ".city", organization.city().code(), organization.city().name());
        }
        contact(path + ".contact", organization.contact());
    }

    private void codeAndName(String path, String code, String name) {
        field(path + ".code", code, FieldRules.TEXT);
        field(path + ".name", name, FieldRules.TEXT);
    }

    private <T> void list(String path, List<T> items, BiConsumer<String, T> check) {
        if (items.size() > Validation.MAX_ITEMS) {
            violations.add(new Violation(path, "more than " + Validation.MAX_ITEMS + " items"));
            return;
        }
        for (int index = 0; index < items.size(); index++) {
            check.accept(path + "[" + index + "]", items.get(index));
        }
    }
}
