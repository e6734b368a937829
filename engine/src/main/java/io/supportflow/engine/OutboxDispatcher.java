package io.supportflow.engine;

import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.model.JournalEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers the store's pending outbox to the listeners, in commit order, and acknowledges an entry once every listener
 * returned normally for it. Per order in version order: after a failure the order's later entries wait, and the order
 * is retried after an exponential backoff (by the engine's clock); other orders go on. Within one process a listener
 * that already took an entry does not get it again while another listener is retried; after a restart every
 * unacknowledged entry goes to every listener again (at least once). The entries a window delivered are
 * acknowledged together, in one write (made durable with the next commit). Passes run one at a time. The window is
 * what the store {@link SupportStore#claimOutbox hands this engine}: on a store shared by several processes, the
 * orders this engine holds the outbox lease of, renewed by every pass.
 *
 * <p>What guards what: {@code passes} guards {@code retries} and {@code served} (plain maps, touched only inside a
 * pass) and makes passes of this dispatcher exclusive. Across processes, the store's outbox lease keeps two
 * engines from delivering one order's entries at the same time.
 */
final class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(SupportEngine.class);
    private static final int WINDOW = 256;

    private final SupportStore store;
    private final List<TransitionListener> listeners;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Duration lease;
    /** This engine as an outbox owner (see {@link SupportStore#claimOutbox}). */
    private final String owner;
    private final ReentrantLock passes = new ReentrantLock();
    private final Map<String, Retry> retries = new HashMap<>();
    private final Map<EntryKey, BitSet> served = new HashMap<>();

    OutboxDispatcher(SupportStore store, String owner, List<TransitionListener> listeners, Clock clock,
                     Duration firstRetry, Duration maxRetry, Duration lease) {
        this.store = store;
        this.owner = owner;
        this.lease = lease;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /** One delivery pass over everything pending and not waiting for a retry; returns the entries acknowledged. */
    int deliverPending() {
        passes.lock();
        try {
            Instant now = clock.instant();
            int total = 0;
            while (true) {
                List<JournalEntry> window = store.claimOutbox(owner, lease, WINDOW);
                int acknowledged = deliver(window, now);
                total += acknowledged;
                if (acknowledged == 0 || window.size() < WINDOW) {
                    return total;
                }
            }
        } finally {
            passes.unlock();
        }
    }

    private int deliver(List<JournalEntry> window, Instant now) {
        Set<String> held = new HashSet<>();
        List<SupportStore.EntryId> delivered = new ArrayList<>();
        for (JournalEntry entry : window) {
            String order = entry.orderId();
            if (held.contains(order) || waiting(order, now)) {
                held.add(order);
            } else if (deliverToAll(entry)) {
                delivered.add(SupportStore.EntryId.of(entry));
                retries.remove(order);
            } else {
                held.add(order);
                retries.merge(order, Retry.first(now, firstRetry), (old, x) -> old.next(now, firstRetry, maxRetry));
            }
        }
        if (!delivered.isEmpty()) {
            store.acknowledgeAll(delivered);
        }
        return delivered.size();
    }

    private boolean waiting(String order, Instant now) {
        Retry retry = retries.get(order);
        return retry != null && now.isBefore(retry.notBefore());
    }

    private boolean deliverToAll(JournalEntry entry) {
        TransitionEvent event = TransitionEvent.of(entry);
        EntryKey key = new EntryKey(entry.orderId(), entry.version());
        BitSet done = served.computeIfAbsent(key, k -> new BitSet());
        for (int i = 0; i < listeners.size(); i++) {
            if (!done.get(i) && tell(listeners.get(i), event)) {
                done.set(i);
            }
        }
        if (done.cardinality() < listeners.size()) {
            return false;
        }
        served.remove(key);
        return true;
    }

    private boolean tell(TransitionListener listener, TransitionEvent event) {
        try {
            listener.onTransition(event);
            return true;
        } catch (Exception e) {
            LOG.warn("listener {} failed on order {} version {}; it will be retried", listener, event.orderId(),
                    event.version(), e);
            return false;
        }
    }

    private record EntryKey(String orderId, long version) {
    }

    /** The failed attempts so far and when the order may be tried again. */
    private record Retry(int attempts, Instant notBefore) {
        static Retry first(Instant now, Duration firstRetry) {
            return new Retry(1, now.plus(firstRetry));
        }

        Retry next(Instant now, Duration firstRetry, Duration maxRetry) {
            int shift = Math.min(attempts, 30);
            Duration delay = firstRetry.multipliedBy(1L << shift);
            return new Retry(attempts + 1, now.plus(delay.compareTo(maxRetry) > 0 ? maxRetry : delay));
        }
    }
}
