package io.supportflow.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list the engine answers in pages ({@link SupportEngine#sessions}, {@link SupportEngine#history}, …):
 * its items, and the cursor of the next page when there may be more. A walk asks for the first page with a null
 * cursor and then for each page with the previous page's {@link #next()} until it is empty.
 *
 * <p>What a walk guarantees while sessions change: pages are cut by order id (history: by version), each page
 * starting after the last id the previous page covered, so no id is listed twice in one walk; a session that is in the
 * listed set for the whole walk (in the state, or with the agent, asked for) is listed exactly once; one that joins
 * or leaves the set during the walk is listed at most once, and only if it was in the set when its page was read.
 * A page may hold fewer than the limit's items and still have a next page (sessions that left the set between the
 * index read and the load). Cursors are opaque text (URL-safe), hold no state on the server, and stay valid across
 * restarts and engine processes.
 *
 * @param items the items of this page, in list order; unmodifiable
 * @param next  the cursor of the next page; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> next) {
    /** The number of items a page holds when the caller names no limit (the REST binding's default). */
    public static final int DEFAULT_LIMIT = 100;
    /** The most items a page may hold; a larger limit is refused (INVALID_INPUT naming {@code limit}). */
    public static final int MAX_LIMIT = 1000;

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
