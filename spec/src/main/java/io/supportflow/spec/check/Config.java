package io.supportflow.spec.check;

import java.util.List;

/** A configuration of all bounded orders: each order's configuration by position, and the round-robin cursor. */
record Config(List<Local> orders, String cursor) {
    Config {
        orders = List.copyOf(orders);
    }
}
