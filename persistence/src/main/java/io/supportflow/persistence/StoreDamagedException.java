package io.supportflow.persistence;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Stored data failed its integrity check: a page of a file store's data file whose checksum does not match its
 * content, met by a read. The message names the file, the page and its offset in the file and, when the call concerned
 * one order, the order. After one such failure the store refuses every write with this exception (see
 * {@link SupportStore}, "Damaged data"), so that nothing is committed on top of data that failed its check.
 */
public final class StoreDamagedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final long page;
    private final String orderId;

    StoreDamagedException(String message, Path file, long page, String orderId, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.page = page;
        this.orderId = orderId;
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }

    /** The damaged page (-1 for the file's header page). */
    public OptionalLong page() {
        return page == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(page);
    }

    /** The order whose read or command met the damage, when the call concerned one order. */
    public Optional<String> orderId() {
        return Optional.ofNullable(orderId);
    }

    /** This failure, met by a call about {@code order}: the message starts with the order. */
    StoreDamagedException about(String order) {
        if (orderId != null) {
            return this;
        }
        return new StoreDamagedException("order " + order + ": " + getMessage(), file, page, order, this);
    }

    /** The refusal of a write after this failure. */
    StoreDamagedException refusingWrites() {
        return new StoreDamagedException("the store refuses writes since stored data failed its check (" + getMessage()
                + "). Stop the process and run 'supportflow.jar check-store --data DIR'; restore the directory from "
                + "a backup", file, page, orderId, this);
    }
}
