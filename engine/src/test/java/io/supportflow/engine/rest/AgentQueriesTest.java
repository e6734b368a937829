package io.supportflow.engine.rest;

import io.supportflow.engine.rest.RestFixture.Answer;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.AgentProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent's current load as support staff read it: GET /agents/{agentId} and the list GET /agents. */
class AgentQueriesTest {
    private static final String TOKEN = "s3cret-token-of-some-length";

    private static AgentProfile profile(String agentId, Integer capacity, boolean available) {
        return new AgentProfile(agentId, capacity, available, Agent.withId(agentId));
    }

    private static String load(RestFixture rest, String agentId) {
        Answer answer = rest.get("/agents/" + agentId);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().toString();
    }

    @Test
    void theLoadRisesWithEachAssignmentAndFallsOnUnassignAndClose() {
        try (RestFixture rest = RestFixture.start()) {
            String idle = "{\"id\":\"agent-7\",\"load\":0,\"capacity\":null,\"available\":true,\"registered\":false}";
            assertThat(load(rest, "agent-7")).isEqualTo(idle);

            rest.send("POST", "/support/o-1", "{\"agent\":{\"id\":\"agent-7\"}}");
            rest.send("POST", "/support/o-2", "{}");
            rest.send("PUT", "/support/o-2/agent", "{\"id\":\"agent-7\"}");
            assertThat(load(rest, "agent-7")).isEqualTo(idle.replace("\"load\":0", "\"load\":2"));
            assertThat(load(rest, "agent-8")).contains("\"load\":0");

            rest.send("DELETE", "/support/o-1/agent", null);
            assertThat(load(rest, "agent-7")).contains("\"load\":1");

            rest.send("DELETE", "/support/o-2", null);
            assertThat(load(rest, "agent-7")).isEqualTo(idle);
        }
    }

    @Test
    void registeredAgentsShowTheirCapacityAndAvailabilityAndAreListedById() {
        try (RestFixture rest = RestFixture.start()) {
            rest.engine.registerAgent(profile("b-2", 3, true));
            rest.engine.registerAgent(profile("a-1", null, false));
            rest.send("POST", "/support/o-1", "{\"agent\":{\"id\":\"b-2\"}}");

            String a1 = "{\"id\":\"a-1\",\"load\":0,\"capacity\":null,\"available\":false,\"registered\":true}";
            String b2 = "{\"id\":\"b-2\",\"load\":1,\"capacity\":3,\"available\":true,\"registered\":true}";
            assertThat(rest.get("/agents").json().toString()).isEqualTo("[" + a1 + "," + b2 + "]");
            assertThat(load(rest, "a-1")).isEqualTo(a1);
            assertThat(load(rest, "b-2")).isEqualTo(b2);
            assertThat(load(rest, "c-3")).contains("\"registered\":false", "\"available\":true");
        }
    }

    @Test
    void withoutRegisteredAgentsTheListIsEmpty() {
        try (RestFixture rest = RestFixture.start()) {
            rest.send("POST", "/support/o-1", "{\"agent\":{\"id\":\"agent-7\"}}");

            assertThat(rest.get("/agents").json().toString()).isEqualTo("[]");
        }
    }

    @Test
    void withoutARegisteredCapacityTheLifecycleDefaultApplies() {
        Lifecycle capacityTwo = Lifecycle.standard().extend("cap2").policies(p -> p.withAgentCapacity(2)).build();
        try (RestFixture rest = RestFixture.start(capacityTwo, null)) {
            rest.engine.registerAgent(profile("a-1", null, true));
            rest.engine.registerAgent(profile("b-2", 5, true));

            assertThat(load(rest, "a-1")).contains("\"capacity\":2");
            assertThat(load(rest, "b-2")).contains("\"capacity\":5");
            assertThat(load(rest, "c-3")).contains("\"capacity\":2", "\"registered\":false");
        }
    }

    @Test
    void anAgentIdMayHoldTheAgentIdCharactersUpTo128() {
        try (RestFixture rest = RestFixture.start()) {
            assertThat(load(rest, "Asha.R_1:x@example.org-2")).startsWith("{\"id\":\"Asha.R_1:x@example.org-2\"");
            assertThat(load(rest, "a".repeat(128))).contains("\"load\":0");
        }
    }

    @ParameterizedTest(name = "agent id {0}")
    @ValueSource(strings = {"a%201", "a$1", "a%2F1", "%C3%BC-1", "a+1", ""})
    void anAgentIdOutsideTheCharacterSetIsRefusedAndChangesNothing(String rawAgentId) {
        try (RestFixture rest = RestFixture.start()) {
            assertRefusedChangingNothing(rest, "/agents/" + rawAgentId);
        }
    }

    @Test
    void anAgentIdOver128CharactersIsRefusedAndChangesNothing() {
        try (RestFixture rest = RestFixture.start()) {
            assertRefusedChangingNothing(rest, "/agents/" + "a".repeat(129));
        }
    }

    private static void assertRefusedChangingNothing(RestFixture rest, String rawPath) {
        rest.engine.registerAgent(profile("agent-7", 2, true));
        rest.send("POST", "/support/o-1", "{\"agent\":{\"id\":\"agent-7\"}}");
        List<String> before = List.of(rest.get("/agents").json().toString(), rest.snapshot("o-1").toString());

        Answer answer = rest.exchangeRaw(HttpRequest.newBuilder(URI.create(rest.server.uri() + rawPath)).GET()
                .build());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("code")).isEqualTo("INVALID_INPUT");
        assertThat(answer.text("paths")).isEqualTo("agentId");
        assertThat(List.of(rest.get("/agents").json().toString(), rest.snapshot("o-1").toString()))
                .isEqualTo(before);
    }

    @Test
    void otherMethodsAre405WithAllowAndLongerPaths404() {
        try (RestFixture rest = RestFixture.start()) {
            Answer post = rest.send("POST", "/agents/agent-7", "{}");
            Answer delete = rest.send("DELETE", "/agents", null);

            assertThat(post.status()).isEqualTo(405);
            assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
            assertThat(delete.status()).isEqualTo(405);
            assertThat(delete.text("code")).isEqualTo("METHOD_NOT_ALLOWED");
            assertThat(rest.get("/agents/agent-7/load").status()).isEqualTo(404);
            assertThat(load(rest, "agent-7")).contains("\"load\":0");
        }
    }

    @Test
    void withATokenTheAgentQueriesNeedIt() {
        try (RestFixture rest = RestFixture.start(TOKEN)) {
            for (String path : new String[] {"/agents", "/agents/agent-7", "/agents/a$1"}) {
                Answer anonymous = rest.exchangeRaw(HttpRequest.newBuilder(URI.create(rest.server.uri() + path))
                        .GET().build());

                assertThat(anonymous.status()).isEqualTo(401);
                assertThat(anonymous.text("code")).isEqualTo("UNAUTHORIZED");
            }
            assertThat(rest.get("/agents").status()).isEqualTo(200);
            assertThat(load(rest, "agent-7")).contains("\"load\":0");
        }
    }
}
