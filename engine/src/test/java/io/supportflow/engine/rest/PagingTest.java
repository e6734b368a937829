package io.supportflow.engine.rest;

import io.supportflow.engine.Page;
import io.supportflow.engine.rest.RestFixture.Answer;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The session list and the history come in pages of {@code limit} items, the next one linked by its cursor. */
class PagingTest {
    private static final Pattern NEXT = Pattern.compile("<(/[^>]+)>; rel=\"next\"");

    private final RestFixture rest = RestFixture.start();

    @AfterEach
    void close() {
        rest.close();
    }

    /** The pages from {@code path} on, following each {@code Link: <…>; rel="next"} until there is none. */
    private List<List<String>> walk(String path, String field) {
        List<List<String>> pages = new ArrayList<>();
        String next = path;
        while (next != null) {
            Answer answer = rest.get(next);
            assertThat(answer.status()).as(next).isEqualTo(200);
            List<String> page = new ArrayList<>();
            answer.json().forEach(item -> page.add(item.path(field).asText()));
            pages.add(page);
            next = nextLink(answer);
        }
        return pages;
    }

    static String nextLink(Answer answer) {
        String link = answer.header("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        assertThat(m.matches()).as(link).isTrue();
        return m.group(1);
    }

    private void open(String... orderIds) {
        for (String orderId : orderIds) {
            rest.engine.open(orderId, Support.forOrder(orderId), Actor.CUSTOMER);
        }
    }

    @Test
    void aListIsWalkedPageByPageByItsNextLinkAndTheLastPageHasNone() {
        open("o-5", "o-2", "o-7", "o-1", "o-3", "o-6", "o-4");
        rest.engine.close("o-6", Actor.AGENT);

        assertThat(walk("/support?state=OPEN&limit=2", "order_id"))
                .containsExactly(List.of("o-1", "o-2"), List.of("o-3", "o-4"), List.of("o-5", "o-7"));
        assertThat(walk("/support?limit=3", "order_id"))
                .containsExactly(List.of("o-1", "o-2", "o-3"), List.of("o-4", "o-5", "o-6"), List.of("o-7"));
        assertThat(nextLink(rest.get("/support?state=OPEN&limit=2"))).startsWith("/support?state=OPEN&limit=2&cursor=");
    }

    @Test
    void anAgentsSessionsAndAHistoryArePagedToo() {
        open("o-1", "o-2", "o-3");
        for (String orderId : List.of("o-3", "o-1", "o-2")) {
            rest.send("PUT", "/support/" + orderId + "/agent", "{\"id\":\"agent-7\"}", "X-Actor", "supervisor");
        }
        rest.send("PUT", "/support/o-1", "{}");
        rest.send("DELETE", "/support/o-1/agent", null, "X-Actor", "supervisor");

        assertThat(walk("/support?agent=agent-7&limit=1", "order_id"))
                .containsExactly(List.of("o-2"), List.of("o-3"));
        assertThat(walk("/support/o-1/history?limit=2", "version"))
                .containsExactly(List.of("1", "2"), List.of("3", "4"));
        assertThat(nextLink(rest.get("/support/o-1/history?limit=2"))).startsWith("/support/o-1/history?limit=2&cursor=");
    }

    @Test
    void withoutALimitAPageHoldsTheDefaultNumberOfItems() {
        for (int i = 0; i <= Page.DEFAULT_LIMIT; i++) {
            open(String.format("o-%03d", i));
        }

        Answer first = rest.get("/support");

        assertThat(first.json()).hasSize(Page.DEFAULT_LIMIT);
        assertThat(rest.get(nextLink(first)).json()).hasSize(1);
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "-1", "1.5", "ten", "", "1001", "99999999999", "%201"})
    void aLimitThatIsNotAPositiveIntegerUpToTheMaximumIs400NamingIt(String limit) {
        for (String path : List.of("/support?limit=", "/support?state=OPEN&limit=", "/support/o-1/history?limit=")) {
            Answer answer = rest.get(path + limit);

            assertThat(answer.status()).as(path + limit).isEqualTo(400);
            assertThat(answer.text("code")).isEqualTo("INVALID_INPUT");
            assertThat(answer.text("paths")).isEqualTo("limit");
        }
    }

    @Test
    void theMaximumLimitIsAccepted() {
        open("o-1");

        assertThat(rest.get("/support?limit=" + Page.MAX_LIMIT).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "cursor={0}")
    @ValueSource(strings = {"", "not-base64!", "bz8x", "djow", "x", "bzphIGI"})
    void aCursorTheListDidNotGiveIs400NamingIt(String cursor) {
        open("o-1");
        for (String path : List.of("/support?cursor=", "/support?agent=a&cursor=", "/support/o-1/history?cursor=")) {
            Answer answer = rest.get(path + cursor);

            assertThat(answer.status()).as(path + cursor).isEqualTo(400);
            assertThat(answer.text("code")).isEqualTo("INVALID_INPUT");
            assertThat(answer.text("paths")).isEqualTo("cursor");
        }
    }

    @Test
    void aHistoryCursorIsNotASessionCursorNorTheOtherWayRound() {
        open("o-1", "o-2");
        rest.send("PUT", "/support/o-1", "{}");
        String sessionsNext = nextLink(rest.get("/support?limit=1"));
        String historyNext = nextLink(rest.get("/support/o-1/history?limit=1"));
        String sessionCursor = sessionsNext.substring(sessionsNext.indexOf("cursor=") + 7);
        String historyCursor = historyNext.substring(historyNext.indexOf("cursor=") + 7);

        assertThat(rest.get("/support/o-1/history?cursor=" + sessionCursor).text("paths")).isEqualTo("cursor");
        assertThat(rest.get("/support?cursor=" + historyCursor).text("paths")).isEqualTo("cursor");
        assertThat(new String(Base64.getUrlDecoder().decode(sessionCursor))).isEqualTo("o:o-1");
    }

    @Test
    void anUnknownQueryParameterOfTheHistoryIs400() {
        open("o-1");

        assertThat(rest.get("/support/o-1/history?page=2").text("paths")).isEqualTo("page");
    }
}
