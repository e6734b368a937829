package io.supportflow.persistence.internal;

import io.supportflow.persistence.RecordFormatException;

import io.supportflow.spec.govstack.AdditionalDesc;
import io.supportflow.spec.govstack.Chat;
import io.supportflow.spec.govstack.Descriptor;
import io.supportflow.spec.govstack.Faq;
import io.supportflow.spec.govstack.Image;
import io.supportflow.spec.govstack.MediaFile;
import io.supportflow.spec.govstack.Support;

/** Format 1 of the GovStack {@code Support} value and the values it contains (fields in declaration order). */
final class SupportCodec {

    private SupportCodec() {
    }

    static void support(RecordWriter w, Support s) {
        w.optional(s.descriptor(), SupportCodec::descriptor);
        w.string(s.orderId());
        w.string(s.callbackPhone());
        w.optional(s.chat(), (o, c) -> {
            o.string(c.url());
            o.string(c.sessionId());
        });
        w.optional(s.faq(), (o, f) -> {
            o.string(f.url());
            o.string(f.mimeType());
        });
        w.optional(s.agent(), AgentCodec::agent);
    }

    static Support support(RecordReader r) {
        return new Support(r.optional(SupportCodec::descriptor), r.string(), r.string(),
                r.optional(o -> new Chat(o.string(), o.string())),
                r.optional(o -> new Faq(o.string(), o.string())),
                r.optional(AgentCodec::agent));
    }

    static void descriptor(RecordWriter w, Descriptor d) {
        w.string(d.name());
        w.string(d.code());
        w.string(d.shortDesc());
        w.string(d.longDesc());
        w.optional(d.additionalDesc(), (o, a) -> {
            o.string(a.url());
            o.string(a.contentType());
        });
        w.list(d.media(), (o, m) -> {
            o.string(m.mimetype());
            o.string(m.url());
            o.string(m.signature());
            o.string(m.dsa());
        });
        w.list(d.images(), SupportCodec::image);
    }

    static Descriptor descriptor(RecordReader r) {
        return new Descriptor(r.string(), r.string(), r.string(), r.string(),
                r.optional(o -> new AdditionalDesc(o.string(), o.string())),
                r.list(o -> new MediaFile(o.string(), o.string(), o.string(), o.string())),
                r.list(SupportCodec::image));
    }

    static void image(RecordWriter w, Image i) {
        w.string(i.url());
        w.string(i.sizeType());
        w.string(i.width());
        w.string(i.height());
    }

    static Image image(RecordReader r) {
        return new Image(r.string(), r.string(), r.string(), r.string());
    }
}
