package io.supportflow.persistence;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Stores#checkMapDb} found: the pages and records it read and one line per damage, each naming the file
 * and the page (with its offset in the file) or the record's table and key, and the order where it is known.
 *
 * @param pages   pages of the data file checked (0 when the file could not be opened as pages)
 * @param records records and index keys read
 * @param damage  one line per damage found; empty when the store is clean
 */
public record StoreCheck(Path directory, long pages, long records, List<String> damage) {
    public StoreCheck {
        damage = List.copyOf(damage);
    }

    /** Whether no damage was found. */
    public boolean clean() {
        return damage.isEmpty();
    }
}
