package io.supportflow.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.SupportException;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.rules.RulesFile;
import io.supportflow.spec.rules.RulesSyntaxException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import static io.supportflow.properties.Invariants.check;

/**
 * Bad input never hurts: malformed requests to the REST binding, malformed commands to the Java API and malformed
 * rules files are refused with a 4xx or a positioned parse error; never a 5xx, never an uncaught exception, and the
 * store never changes.
 */
class BadInputProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> AGENTS = List.of("a1", "a2", "a3");
    private static RestRig rest;

    @BeforeContainer
    static void startServer() {
        rest = RestRig.start(Lifecycle.standard());
        SupportEngine engine = rest.engine();
        engine.open("o-1", Support.forOrder("o-1").withAgent(Agent.withId("a1")), Actor.CUSTOMER);
        engine.open("o-2", Support.forOrder("o-2"), Actor.CUSTOMER);
        engine.close("o-2", Actor.AGENT);
        engine.open("o-3", Support.forOrder("o-3"), Actor.CUSTOMER);
    }

    @AfterContainer
    static void stopServer() {
        rest.close();
    }

    @Property(tries = 300)
    @Label("P4: a malformed request to the REST binding gets a 4xx GovStack error and changes nothing")
    void malformedRequestsAreRefusedWithoutChange(@ForAll("requests") BadRequest request) throws IOException {
        refusedWithoutChange(request);
    }

    @Property(tries = 30)
    @Label("P4: a body over the 64 KiB limit is answered 413 with a GovStack error, not a reset connection, and"
            + " changes nothing")
    void oversizedBodiesAreAnswered(@ForAll("oversized") BadRequest request) throws IOException {
        refusedWithoutChange(request);
    }

    private static void refusedWithoutChange(BadRequest request) throws IOException {
        Snapshot before = snapshot();
        HttpResponse<String> answer = rest.send(request.method(), request.rawPath(), request.body(),
                request.headers());
        check(answer.statusCode() >= 400 && answer.statusCode() < 500,
                () -> request + " answered " + answer.statusCode() + ": " + answer.body());
        JsonNode error = JSON.readTree(answer.body());
        check(error.path("code").isTextual() && error.path("message").isTextual(),
                () -> request + " answered " + answer.statusCode() + " without a GovStack Error: " + answer.body());
        check(snapshot().equals(before), () -> "P4 violated: " + request + " changed the store");
    }

    @Property(tries = 300)
    @Label("P4: a malformed command to the Java API is refused with a 4xx code and changes nothing")
    void malformedCommandsAreRefusedWithoutChange(@ForAll("commands") Command command) {
        Snapshot before = snapshot();
        try {
            rest.engine().execute(command);
            throw new AssertionError(Describe.command(command) + " was accepted");
        } catch (SupportException refused) {
            check(refused.httpStatus() >= 400 && refused.httpStatus() < 500,
                    () -> Describe.command(command) + " refused with " + refused.httpStatus());
        }
        check(snapshot().equals(before), () -> "P4 violated: " + Describe.command(command) + " changed the store");
    }

    @Property(tries = 1000)
    @Label("P7: a rules text parses into a well-formed definition that prints and parses back, or is refused with"
            + " a RulesSyntaxException positioned inside the text")
    void rulesTextsParseOrFailWithAPosition(@ForAll("rulesTexts") String text) {
        try {
            Lifecycle parsed = RulesFile.parse(text);
            Statistics.collect("parsed");
            check(RulesFile.parse(RulesFile.print(parsed)).equals(parsed),
                    () -> "parsed, but does not print and parse back: " + text);
        } catch (RulesSyntaxException e) {
            Statistics.collect("refused");
            String[] lines = text.split("\r\n|\r|\n", -1);
            boolean inside = e.line() >= 1 && e.line() <= lines.length + 1 && e.column() >= 1
                    && e.column() <= (e.line() <= lines.length ? lines[e.line() - 1].length() : 0) + 2;
            check(inside && e.getMessage().startsWith("line " + e.line() + ", column " + e.column() + ": "),
                    () -> "position line " + e.line() + ", column " + e.column() + " outside the text ("
                            + lines.length + " lines): " + e.getMessage());
        }
    }

    @Provide
    Arbitrary<BadRequest> requests() {
        return BadInputs.requests();
    }

    @Provide
    Arbitrary<BadRequest> oversized() {
        return BadInputs.oversized();
    }

    @Provide
    Arbitrary<Command> commands() {
        return BadInputs.commands();
    }

    @Provide
    Arbitrary<String> rulesTexts() {
        return RulesTexts.texts();
    }

    private static Snapshot snapshot() {
        return Snapshot.of(rest.engine(), BadInputs.ORDERS, AGENTS);
    }
}
