package io.supportflow.persistence;

/**
 * Committed page images, at most {@code capacity} of them (rounded down to a power of two, at least 2), in a two-way
 * set-associative table: page {@code p} can only be held by set {@code p mod sets}, as its newer or its older entry.
 * A page put goes first in its set and the set's other page becomes the older one; a page put again replaces its own
 * entry. The pages every commit touches (tree roots, the store header) are put again by every commit and so stay
 * cached while the file grows; a page read once costs at most one other page its place.
 *
 * <p>Thread-safety: {@link #get} takes no lock, and an entry is an immutable (page, image) pair, so a reader sees a
 * whole entry or none. {@link #put} is serialised: racing puts of one set could otherwise put back an entry that a
 * newer image of its page had replaced. A reader that does not yet see a put only misses and reads the file; the
 * volume orders its puts before the end of the commit that wrote the pages.
 */
final class PageCache {
    private final int setMask;
    private volatile Entry[] entries;

    PageCache(int capacity) {
        this.setMask = Integer.highestOneBit(Math.max(2, capacity) / 2) - 1;
        this.entries = new Entry[2 * (setMask + 1)];
    }

    /** The cached image of {@code page}, or null. */
    byte[] get(long page) {
        Entry[] table = entries;
        int newer = newerSlot(page);
        Entry entry = table[newer];
        if (entry != null && entry.page == page) {
            return entry.image;
        }
        entry = table[newer + 1];
        return entry != null && entry.page == page ? entry.image : null;
    }

    synchronized void put(long page, byte[] image) {
        Entry[] table = entries;
        int newer = newerSlot(page);
        Entry previous = table[newer];
        if (previous == null || previous.page != page) {
            table[newer + 1] = previous;
        }
        table[newer] = new Entry(page, image);
    }

    synchronized void clear() {
        entries = new Entry[entries.length];
    }

    private int newerSlot(long page) {
        return 2 * (int) (page & setMask);
    }

    private static final class Entry {
        private final long page;
        private final byte[] image;

        Entry(long page, byte[] image) {
            this.page = page;
            this.image = image;
        }
    }
}
