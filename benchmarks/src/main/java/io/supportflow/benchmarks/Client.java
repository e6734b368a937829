package io.supportflow.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One benchmark client (one JMH thread): walks its own orders through {@link OrderCycle}, one step per call of
 * {@link #advance()}. Order ids are unique across every client of the JVM, so concurrent clients never share an order.
 * Public and non-final because JMH's generated code subclasses it.
 */
@State(Scope.Thread)
public class Client {
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final String prefix = "order-" + CLIENTS.incrementAndGet() + "-";
    private long order = -1;
    private int step = OrderCycle.LENGTH - 1;
    private String orderId;

    /** Moves to the next step, starting a new order after each close. */
    void advance() {
        step = (step + 1) % OrderCycle.LENGTH;
        if (step == 0) {
            order++;
            orderId = prefix + order;
        }
    }

    String orderId() {
        return orderId;
    }

    int step() {
        return step;
    }
}
