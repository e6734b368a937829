package io.supportflow.engine.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: the one decoder for request bytes (bodies and query values), so that every malformed sequence is
 * refused the same way: overlong forms ({@code C0 AF}), encoded surrogates (CESU-8 {@code ED A0 80}), bytes that
 * never occur ({@code FF}) and truncated sequences.
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * The text of {@code bytes}.
     *
     * @param what  what the bytes are, for the message ("the body", "the query")
     * @param paths what {@code Error.paths} names
     * @throws Failure.Rejected INVALID_INPUT when the bytes are not well-formed UTF-8
     */
    static String decode(byte[] bytes, String what, String paths) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Failure.invalid(what + " is not well-formed UTF-8", paths).rejected();
        }
    }
}
