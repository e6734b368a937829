package io.supportflow.engine;

/**
 * Receives accepted transitions from the engine's outbox, on the dispatcher's thread (or the caller of
 * {@link SupportEngine#deliverOutbox()}), never on a command's thread.
 *
 * <p>Delivery is at least once: an event is acknowledged only after every listener returned normally for it, and
 * is delivered again after a restart if it was not (or if the process died before a later commit made its
 * acknowledgement durable). A listener that throws is retried with exponential backoff;
 * the order's later events wait for it, other orders' events do not, and commands never wait for listeners.
 */
@FunctionalInterface
public interface TransitionListener {

    /** Handles one event; throwing any exception asks for a retry later. */
    void onTransition(TransitionEvent event) throws Exception;
}
