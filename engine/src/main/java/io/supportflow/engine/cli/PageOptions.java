package io.supportflow.engine.cli;

import io.supportflow.engine.Page;
import io.supportflow.engine.internal.Paging;

import java.util.function.Function;

/**
 * {@code --limit N} and {@code --cursor C} of the listing commands: the REST binding's {@code limit} and
 * {@code cursor}, refused with its words. Without {@code --limit} a command lists every page.
 */
final class PageOptions {
    static final Usage.Option LIMIT = new Usage.Option("limit", "N",
            "list one page of at most N (1 to " + Page.MAX_LIMIT + "), then the --cursor of the next");
    static final Usage.Option CURSOR = new Usage.Option("cursor", "C", "start where the page that printed C ended");

    private PageOptions() {
    }

    /** The page size, or null for every page. */
    static Integer limit(Arguments args) {
        String value = args.option("limit");
        return value == null ? null : checked(() -> Paging.limit(value));
    }

    /**
     * The cursor, or null for the first page; checked by {@code check} (the {@link Paging} reader of the list's
     * kind of cursor).
     */
    static String cursor(Arguments args, Function<String, ?> check) {
        String value = args.option("cursor");
        if (value == null) {
            return null;
        }
        checked(() -> check.apply(value));
        return value;
    }

    /** The size of the pages to read: the limit, or the largest for every page. */
    static int pageSize(Integer limit) {
        return limit == null ? Page.MAX_LIMIT : limit;
    }

    private static <T> T checked(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
