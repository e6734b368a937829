package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.rest.RestFixture.Answer;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client walks {@code GET /support?state=OPEN} over 10,000 sessions, 100 a page, while another thread closes
 * sessions and opens new ones, at least {@value #CHANGES_PER_PAGE} changes before every page. What the walk
 * guarantees (see {@code Page}), and what is asserted exactly:
 * <ul>
 *   <li>no order id is listed twice;</li>
 *   <li>every session that is OPEN and unchanged for the whole walk is listed (so exactly once);</li>
 *   <li>a session is listed only on a page read while it was OPEN: never one CLOSED before the walk, never one
 *       closed before the page's request was sent, never one opened after the page's answer came.</li>
 * </ul>
 * Sessions that change during the walk may be listed or not, within those bounds.
 */
class PagingWhileSessionsChangeTest {
    private static final int SESSIONS = 10_000;
    private static final int CHANGES_PER_PAGE = 10;

    private final RestFixture rest = RestFixture.start();
    private final SupportEngine engine = rest.engine;
    /** Pages whose request has been sent; the churner reads it around each change. */
    private final AtomicInteger requested = new AtomicInteger();
    private final Semaphore changes = new Semaphore(0);
    private final AtomicBoolean walked = new AtomicBoolean();
    /** The number of page requests sent when a close had been answered. */
    private final Map<String, Integer> closedWhenRequested = new ConcurrentHashMap<>();
    /** The number of page requests sent before an open was sent. */
    private final Map<String, Integer> openedWhenRequested = new ConcurrentHashMap<>();

    @AfterEach
    void close() {
        rest.close();
    }

    private static String id(int i) {
        return String.format("order-%05d", i);
    }

    @Test
    void aWalkWhileSessionsOpenAndCloseListsEveryUnchangedSessionExactlyOnceAndNoneTwice() throws Exception {
        IntStream.range(0, SESSIONS).parallel().forEach(i -> engine.open(id(i), Support.forOrder(id(i)),
                Actor.CUSTOMER));
        Set<String> closedBefore = new HashSet<>();
        for (int i = 3; i < SESSIONS; i += 50) {
            engine.close(id(i), Actor.AGENT);
            closedBefore.add(id(i));
        }
        CompletableFuture<Void> churn = CompletableFuture.runAsync(this::churn);

        Map<String, Integer> pageOf = new HashMap<>();
        List<String> listed = new ArrayList<>();
        int pages = walk(pageOf, listed);
        walked.set(true);
        churn.get(1, TimeUnit.MINUTES);

        assertThat(listed).doesNotHaveDuplicates();
        List<String> unchanged = IntStream.range(0, SESSIONS).mapToObj(PagingWhileSessionsChangeTest::id)
                .filter(id -> !closedBefore.contains(id) && !closedWhenRequested.containsKey(id)).toList();
        assertThat(pageOf.keySet()).containsAll(unchanged);
        assertThat(pageOf.keySet()).doesNotContainAnyElementsOf(closedBefore);
        closedWhenRequested.forEach((id, sent) -> assertThat(pageOf.getOrDefault(id, 0))
                .as("page listing %s, closed after %d requests", id, sent).isLessThanOrEqualTo(sent));
        openedWhenRequested.forEach((id, sent) -> assertThat(pageOf.getOrDefault(id, Integer.MAX_VALUE))
                .as("page listing %s, opened after %d requests", id, sent).isGreaterThanOrEqualTo(sent));
        assertThat(pageOf.keySet()).allMatch(id -> id.length() == 11 || openedWhenRequested.containsKey(id));
        assertThat(closedWhenRequested.size() + openedWhenRequested.size())
                .isGreaterThanOrEqualTo(pages * CHANGES_PER_PAGE);
    }

    /** Walks the OPEN sessions, 100 a page; records the page (from 1) each id was on; returns the page count. */
    private int walk(Map<String, Integer> pageOf, List<String> listed) throws InterruptedException {
        String next = "/support?state=OPEN&limit=100";
        int page = 0;
        while (next != null) {
            assertThat(changes.tryAcquire(CHANGES_PER_PAGE, 1, TimeUnit.MINUTES)).as("the churner goes on").isTrue();
            page = requested.incrementAndGet();
            Answer answer = rest.get(next);
            assertThat(answer.status()).isEqualTo(200);
            for (JsonNode session : answer.json()) {
                String id = session.path("order_id").asText();
                listed.add(id);
                pageOf.put(id, page);
            }
            next = PagingTest.nextLink(answer);
        }
        return page;
    }

    /**
     * Until the walk ends: closes a random OPEN session of the first 10,000 or opens a new one between two of them
     * ({@code order-01234-n7}), so that changes land before and after the walk's position; one permit of
     * {@link #changes} per change.
     */
    private void churn() {
        Random random = new Random();
        for (int n = 0; !walked.get(); n++) {
            String id = id(random.nextInt(SESSIONS));
            if (n % 2 == 0) {
                if (!engine.get(id).state().equals("OPEN")) {
                    continue;
                }
                engine.close(id, Actor.AGENT);
                closedWhenRequested.put(id, requested.get());
            } else {
                String newcomer = id + "-n" + n;
                openedWhenRequested.put(newcomer, requested.get());
                engine.open(newcomer, Support.forOrder(newcomer), Actor.CUSTOMER);
            }
            changes.release();
        }
    }
}
