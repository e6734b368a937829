package io.supportflow.spec.govstack;

import java.util.List;

/** GovStack {@code Descriptor}: physical description of something. */
public record Descriptor(String name, String code, String shortDesc, String longDesc, AdditionalDesc additionalDesc,
                         List<MediaFile> media, List<Image> images) {

    public Descriptor {
        media = media == null ? List.of() : List.copyOf(media);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** A descriptor with only a name. */
    public static Descriptor named(String name) {
        return new Descriptor(name, null, null, null, null, null, null);
    }
}
