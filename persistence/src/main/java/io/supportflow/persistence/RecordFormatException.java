package io.supportflow.persistence;

import io.supportflow.persistence.internal.Records;

/**
 * A stored record could not be read: it was written in a format version this library does not know, or its bytes
 * are damaged. The message names the version found and the versions supported, or what is wrong.
 */
public final class RecordFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RecordFormatException(String message) {
        super(message);
    }

    /** For the record codec: a record of format version {@code found}, which this library does not read. */
    public static RecordFormatException unsupportedVersion(int found) {
        return new RecordFormatException("record format version " + found + " found; this library reads format version "
                + Records.FORMAT_VERSION + " only (written by a newer supportflow?)");
    }

    /** For the record codec: damaged bytes, {@code what} says how. */
    public static RecordFormatException corrupt(String what) {
        return new RecordFormatException("corrupt record: " + what);
    }
}
