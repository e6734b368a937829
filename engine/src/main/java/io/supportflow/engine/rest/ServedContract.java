package io.supportflow.engine.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yaml}: the OpenAPI 3.0 document of the binding, a resource of this package (the GovStack 8.12
 * paths and schemas unchanged, plus what supportflow adds). Read once, on the first request.
 */
final class ServedContract {
    static final String RESOURCE = "openapi.yaml";
    static final String MEDIA_TYPE = "application/yaml; charset=utf-8";

    private ServedContract() {
    }

    static Reply reply() {
        return Reply.document(MEDIA_TYPE, Holder.BYTES);
    }

    /** The document's bytes, read when first asked for. */
    private static final class Holder {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try (InputStream in = ServedContract.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the supportflow-engine jar");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE + " from the supportflow-engine jar", e);
            }
        }
    }
}
