package io.supportflow.spec.govstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Builds a {@link Support} whose every string field is read by its JSON path from a map, recording each path's
 * kind, so that a test can fill or change any one field by path. List sizes come from a map keyed by list path.
 */
final class SupportLayout {

    /** What a string field must be; the test supplies valid and invalid values per kind. */
    enum Kind {
        TEXT, LONG_TEXT, BODY_ORDER_ID, AGENT_ID, PHONE, EMAIL, WEB_URL, IMAGE_URL, RATING, MEDIA_TYPE, SIZE_TYPE,
        CONTENT_TYPE, DATE, AGE
    }

    static final List<String> LIST_PATHS = List.of("support.descriptor.media", "support.descriptor.images",
            "support.agent.person.creds", "support.agent.person.languages", "support.agent.person.skills",
            "support.agent.organization.descriptor.media", "support.agent.organization.descriptor.images");

    private final Map<String, Integer> sizes;
    private final Map<String, String> values;
    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    private SupportLayout(Map<String, Integer> sizes, Map<String, String> values) {
        this.sizes = sizes;
        this.values = values;
    }

    /** Every string field's path and kind for these list sizes, in walk order. */
    static Map<String, Kind> kinds(Map<String, Integer> sizes) {
        SupportLayout layout = new SupportLayout(sizes, Map.of());
        layout.support();
        return layout.kinds;
    }

    /** The support with these list sizes and field values (an absent path is a null field). */
    static Support build(Map<String, Integer> sizes, Map<String, String> values) {
        return new SupportLayout(sizes, values).support();
    }

    private String get(String path, Kind kind) {
        kinds.put(path, kind);
        return values.get(path);
    }

    private <T> List<T> list(String path, Function<String, T> item) {
        return IntStream.range(0, sizes.getOrDefault(path, 0)).mapToObj(index -> item.apply(path + "[" + index + "]"))
                .toList();
    }

    private Support support() {
        String at = "support";
        return new Support(descriptor(at + ".descriptor"), get(at + ".order_id", Kind.BODY_ORDER_ID),
                get(at + ".callback_phone", Kind.PHONE),
                new Chat(get(at + ".chat.url", Kind.WEB_URL), get(at + ".chat.session_id", Kind.TEXT)),
                new Faq(get(at + ".faq.url", Kind.WEB_URL), get(at + ".faq.mime_type", Kind.MEDIA_TYPE)),
                agent(at + ".agent"));
    }

    private Descriptor descriptor(String at) {
        return new Descriptor(get(at + ".name", Kind.TEXT), get(at + ".code", Kind.TEXT),
                get(at + ".short_desc", Kind.LONG_TEXT), get(at + ".long_desc", Kind.LONG_TEXT),
                new AdditionalDesc(get(at + ".additional_desc.url", Kind.WEB_URL),
                        get(at + ".additional_desc.content_type", Kind.CONTENT_TYPE)),
                list(at + ".media", this::media), list(at + ".images", this::image));
    }

    private MediaFile media(String at) {
        return new MediaFile(get(at + ".mimetype", Kind.MEDIA_TYPE), get(at + ".url", Kind.WEB_URL),
                get(at + ".signature", Kind.LONG_TEXT), get(at + ".dsa", Kind.TEXT));
    }

    private Image image(String at) {
        return new Image(get(at + ".url", Kind.IMAGE_URL), get(at + ".size_type", Kind.SIZE_TYPE),
                get(at + ".width", Kind.TEXT), get(at + ".height", Kind.TEXT));
    }

    private Agent agent(String at) {
        return new Agent(get(at + ".id", Kind.AGENT_ID), person(at + ".person"), contact(at + ".contact"),
                organization(at + ".organization"), get(at + ".rating", Kind.RATING));
    }

    private Person person(String at) {
        return new Person(get(at + ".id", Kind.TEXT), get(at + ".url", Kind.WEB_URL), get(at + ".name", Kind.TEXT),
                image(at + ".image"), get(at + ".age", Kind.AGE), get(at + ".dob", Kind.DATE),
                get(at + ".gender", Kind.TEXT), list(at + ".creds", this::credential),
                list(at + ".languages", item -> new Language(get(item + ".code", Kind.TEXT),
                        get(item + ".name", Kind.TEXT))),
                list(at + ".skills", item -> new Skill(get(item + ".code", Kind.TEXT),
                        get(item + ".name", Kind.TEXT))));
    }

    private Credential credential(String at) {
        return new Credential(get(at + ".id", Kind.TEXT), get(at + ".type", Kind.TEXT), get(at + ".url", Kind.WEB_URL));
    }

    private Contact contact(String at) {
        return new Contact(get(at + ".phone", Kind.PHONE), get(at + ".email", Kind.EMAIL));
    }

    private Organization organization(String at) {
        return new Organization(descriptor(at + ".descriptor"), get(at + ".address", Kind.LONG_TEXT),
                new Region(get(at + ".state.name", Kind.TEXT), get(at + ".state.code", Kind.TEXT)),
                new City(get(at + ".city.name", Kind.TEXT), get(at + ".city.code", Kind.TEXT)),
                contact(at + ".contact"));
    }
}
