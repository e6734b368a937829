package io.supportflow.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One mutual-exclusion lock per key, held only while used: an entry exists only while some thread holds or waits for
 * its key, so memory follows the number of busy keys, not the number of keys ever seen. Different keys never wait on
 * each other. Reentrant.
 *
 * <p>What guards what: the map's per-key atomic {@code compute} guards each entry's user count and its presence in the
 * map (joined before locking, left after unlocking), so an entry leaves the map only when nobody holds or waits for it
 * and a later caller makes a new one; the entry's own lock guards the caller's body. No check-then-act happens
 * outside {@code compute}. Single process: these locks order the callers of one JVM only.
 */
final class KeyedLocks {
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** Runs {@code body} holding the lock of {@code key}; returns its result or rethrows its exception. */
    <T> T withLock(String key, Supplier<T> body) {
        Entry entry = entries.compute(key, (k, e) -> (e == null ? new Entry() : e).join());
        entry.lock.lock();
        try {
            return body.get();
        } finally {
            entry.lock.unlock();
            entries.computeIfPresent(key, (k, e) -> e.leave());
        }
    }

    /** Keys held or waited for right now. */
    int size() {
        return entries.size();
    }

    /** A lock and its number of users; {@code users} changes only inside the map's atomic compute of its key. */
    private static final class Entry {
        private final ReentrantLock lock = new ReentrantLock();
        private int users;

        Entry join() {
            users++;
            return this;
        }

        Entry leave() {
            users--;
            return users == 0 ? null : this;
        }
    }
}
