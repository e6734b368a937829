package io.supportflow.spec.rules;

import static io.supportflow.spec.lifecycle.Transition.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportflow.spec.RepositoryFiles;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.rating.RatingExpression;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RulesFileTest {

    private static final String GUARDS = "agentGiven, noAgentGiven, sameAgent, otherAgent, agentAvailable, "
            + "withinCapacity, ratingMet, reopenAllowed, hasAgent, noAgent";

    /** A stand-alone header and states that the error cases below build on (lines 1-5). */
    private static final String MINIMAL = """
            lifecycle tiny
            initial NONE
            state OPEN
            agent state HELD
            final state CLOSED
            """;

    private static final String MINIMAL_ROWS = """
            transition NONE --open--> OPEN
            transition OPEN --close--> CLOSED
            """;

    private static Lifecycle supportPlus() {
        return Lifecycle.standard().extend("support-plus")
                .state("WAITING_ON_CUSTOMER")
                .agentState("ESCALATED")
                .finalState("WITHDRAWN")
                .add(of("ASSIGNED", "escalate", "ESCALATED")
                        .when(Guard.OTHER_AGENT, Guard.AGENT_AVAILABLE, Guard.WITHIN_CAPACITY).does(Effect.ASSIGN))
                .add(of("ESCALATED", "deescalate", "ASSIGNED"))
                .add(of("ESCALATED", "update", "ESCALATED").does(Effect.UPDATE))
                .add(of("ESCALATED", "close", "CLOSED").does(Effect.RELEASE))
                .add(of("ESCALATED", "idleTimeout", "CLOSED").does(Effect.RELEASE))
                .add(of("OPEN", "wait", "WAITING_ON_CUSTOMER"))
                .add(of("WAITING_ON_CUSTOMER", "update", "OPEN").does(Effect.UPDATE))
                .add(of("WAITING_ON_CUSTOMER", "close", "CLOSED"))
                .add(of("OPEN", "withdraw", "WITHDRAWN"))
                .add(of("WAITING_ON_CUSTOMER", "withdraw", "WITHDRAWN"))
                .ignore("WITHDRAWN", "close")
                .ignore("WAITING_ON_CUSTOMER", "unassign")
                .policies(p -> p.withReopen(ReopenPolicy.within(Duration.ofHours(72)))
                        .withIdleTimeout(Duration.ofMinutes(30))
                        .withAgentCapacity(3)
                        .withAssignment(AssignmentStrategy.LEAST_LOADED)
                        .withAutoAssignOnOpen(true)
                        .withMinimumRating(RatingExpression.parse("gte 4"))
                        .permitting("escalate", Actor.AGENT, Actor.SUPERVISOR)
                        .permitting("deescalate", Actor.SUPERVISOR)
                        .permitting("withdraw", Actor.CUSTOMER))
                .build();
    }

    /** The first fenced block under a heading of docs/rules-format.md. */
    private static String documented(String heading) {
        String doc = RepositoryFiles.read("docs/rules-format.md");
        int section = doc.indexOf("\n## " + heading + "\n");
        int open = doc.indexOf("```text\n", section) + "```text\n".length();
        return doc.substring(open, doc.indexOf("```", open));
    }

    @Test
    void theExampleOfTheFormatReferenceParsesToTheExpectedDefinition() {
        assertThat(RulesFile.parse(documented("Example"))).isEqualTo(supportPlus());
    }

    @Test
    void theCommittedStandardRulesFileIsThePrintedStandardLifecycle() {
        RepositoryFiles.assertCurrent("docs/standard.rules", RulesFile.print(Lifecycle.standard()));
    }

    @Test
    void thePrintedStandardLifecycleParsesBackToTheStandardLifecycle() {
        assertThat(RulesFile.parse(RulesFile.print(Lifecycle.standard()))).isEqualTo(Lifecycle.standard());
    }

    @Test
    void printingWritesEverySectionInDeclarationOrderWithoutExtends() {
        assertThat(RulesFile.print(supportPlus())).startsWith("""
                lifecycle support-plus
                initial NONE
                state OPEN
                agent state ASSIGNED
                final state CLOSED
                state WAITING_ON_CUSTOMER
                agent state ESCALATED
                final state WITHDRAWN

                transition NONE --open--> OPEN when noAgentGiven do open
                """).contains("""
                reopen CLOSED --open--> OPEN when noAgentGiven & reopenAllowed do open
                """).endsWith("""
                transition WAITING_ON_CUSTOMER --withdraw--> WITHDRAWN

                ignore CLOSED close
                ignore OPEN unassign
                ignore CLOSED unassign
                ignore WITHDRAWN close
                ignore WAITING_ON_CUSTOMER unassign

                policy reopen within PT72H
                policy idle-timeout PT30M
                policy capacity 3
                policy assignment least-loaded
                policy auto-assign on
                policy minimum-rating "gte 4"

                permit escalate agent, supervisor
                permit deescalate supervisor
                permit withdraw customer
                """);
    }

    @Test
    void aStandAloneFileDeclaresEverythingItself() {
        Lifecycle parsed = RulesFile.parse(MINIMAL + """
                transition NONE --open--> OPEN when noAgentGiven do open
                transition OPEN --assign--> HELD when agentGiven & withinCapacity do assign
                transition HELD --close--> CLOSED do release
                transition OPEN --close--> CLOSED
                reopen CLOSED --open--> OPEN when noAgentGiven & reopenAllowed do open
                ignore CLOSED close
                policy reopen never
                permit close customer, supervisor
                """);

        Lifecycle expected = Lifecycle.builder("tiny").initial("NONE").state("OPEN").agentState("HELD")
                .finalState("CLOSED")
                .add(of("NONE", "open", "OPEN").when(Guard.NO_AGENT_GIVEN).does(Effect.OPEN))
                .add(of("OPEN", "assign", "HELD").when(Guard.AGENT_GIVEN, Guard.WITHIN_CAPACITY).does(Effect.ASSIGN))
                .add(of("HELD", "close", "CLOSED").does(Effect.RELEASE))
                .add(of("OPEN", "close", "CLOSED"))
                .reopen(of("CLOSED", "open", "OPEN").when(Guard.NO_AGENT_GIVEN, Guard.REOPEN_ALLOWED).does(Effect.OPEN))
                .ignore("CLOSED", "close")
                .policies(p -> p.withReopen(ReopenPolicy.never()).permitting("close", Actor.CUSTOMER, Actor.SUPERVISOR))
                .build();
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void aMinimumRatingIsReadAsARatingExpressionAndPrintedCanonically() {
        Lifecycle parsed = RulesFile.parse(MINIMAL + MINIMAL_ROWS + "policy minimum-rating \"gt 3&&lte 5.0||eq 1\"\n");

        assertThat(parsed.policies().minimumRating()).isEqualTo(RatingExpression.parse("gt 3 && lte 5 || eq 1"));
        assertThat(RulesFile.print(parsed)).contains("\npolicy minimum-rating \"gt 3 && lte 5 || eq 1\"\n");
    }

    @Test
    void permitNoneLetsNoActorFireTheEvent() {
        Lifecycle parsed = RulesFile.parse(MINIMAL + MINIMAL_ROWS + "permit close none\n");

        assertThat(parsed.policies().permissions()).containsExactly(Map.entry("close", Set.of()));
        assertThat(RulesFile.print(parsed)).endsWith("\npermit close none\n");
    }

    @Test
    void commentsBlankLinesTabsAndAnyLineBreakAreAccepted() {
        String text = "# a comment\r\n\r\nlifecycle tiny # trailing\r\n\tinitial\tNONE\rstate OPEN\n"
                + "final state CLOSED\n   \n" + MINIMAL_ROWS.replace("\n", "  # row\n");

        Lifecycle parsed = RulesFile.parse(text);

        assertThat(parsed.states()).containsExactly("NONE", "OPEN", "CLOSED");
        assertThat(parsed.transitions()).hasSize(2);
    }

    @Test
    void rowsMayNameStatesDeclaredFurtherDown() {
        Lifecycle parsed = RulesFile.parse("lifecycle late\ntransition NONE --open--> DONE\ninitial NONE\n"
                + "final state DONE\n");

        assertThat(parsed.transitions()).containsExactly(of("NONE", "open", "DONE"));
    }

    @Test
    void anExtendingFileChangesOnlyThePoliciesAndPermissionsItNames() {
        Lifecycle strict = RulesFile.parse("lifecycle strict extends standard\npolicy reopen never\n"
                + "permit close agent, supervisor\n");

        assertThat(strict.transitions()).isEqualTo(Lifecycle.standard().transitions());
        assertThat(strict.policies()).isEqualTo(Lifecycle.standard().policies().withReopen(ReopenPolicy.never())
                .permitting("close", Actor.AGENT, Actor.SUPERVISOR));
    }

    @Test
    void aTableProblemInALongFilePointsAtTheRowThatCausesIt() {
        String rows = IntStream.range(0, 60).mapToObj(i -> "transition OPEN --e" + i + "--> OPEN\n")
                .collect(Collectors.joining());
        String text = MINIMAL + MINIMAL_ROWS + rows.replace("--e37--> OPEN", "--e37--> NONE");

        assertThatThrownBy(() -> RulesFile.parse(text)).isInstanceOfSatisfying(RulesSyntaxException.class, e -> {
            assertThat(e.line()).isEqualTo(5 + 2 + 38);
            assertThat(e.getMessage()).isEqualTo(
                    "line 45, column 1: row OPEN --e37--> NONE: nothing may enter the initial state NONE");
        });
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                error("an empty text", "", 1, 1,
                        "expected 'lifecycle NAME' as the first declaration, found none"),
                error("a text of comments only", "# nothing\n\n  # here\n", 1, 1,
                        "expected 'lifecycle NAME' as the first declaration, found none"),
                error("a declaration before the header", "\nstate OPEN\nlifecycle x\n", 2, 1,
                        "expected 'lifecycle NAME' as the first declaration, found 'state'"),
                error("a bad lifecycle name", "lifecycle 9lives\n", 1, 11,
                        "expected a lifecycle name matching [A-Za-z][A-Za-z0-9_-]{0,63}, found '9lives'"),
                error("a missing lifecycle name", "lifecycle   # none\n", 1, 10,
                        "expected a lifecycle name matching [A-Za-z][A-Za-z0-9_-]{0,63}, found the end of the line"),
                error("an unknown base", "lifecycle x extends basic\n", 1, 21,
                        "expected one of standard, found 'basic'"),
                error("a second header", MINIMAL + "lifecycle again\n", 6, 1,
                        "the lifecycle is already declared on line 1"),
                error("an unknown declaration", MINIMAL + "stat OPEN\n", 6, 1,
                        "expected a declaration (lifecycle, initial, state, agent state, final state, transition, "
                                + "reopen, ignore, policy or permit), found 'stat'"),
                error("a punctuation mark where a declaration starts", MINIMAL + ", OPEN\n", 6, 1,
                        "expected a declaration, found ','"),
                error("a state name in lower case", MINIMAL + "state waiting\n", 6, 7,
                        "expected a state name matching [A-Z][A-Z0-9_]{0,63}, found 'waiting'"),
                error("agent without state", MINIMAL + "agent WAITING\n", 6, 7,
                        "expected one of state, found 'WAITING'"),
                error("a state declared twice", MINIMAL + "final state OPEN\n", 6, 13,
                        "state OPEN is already declared on line 3"),
                error("a state the base declares", "lifecycle x extends standard\nagent state ASSIGNED\n", 2, 13,
                        "state ASSIGNED is already declared by standard"),
                error("an initial state when extending", "lifecycle x extends standard\ninitial START\n", 2, 9,
                        "the initial state is already declared by standard (NONE)"),
                error("a second initial state", MINIMAL + "initial START\n", 6, 9,
                        "the initial state is already declared on line 2"),
                error("a malformed arrow", MINIMAL + "transition OPEN -close-> CLOSED\n", 6, 17,
                        "expected an arrow --event-->, found '-close->'"),
                error("a bad event name in an arrow", MINIMAL + "transition OPEN --Close--> CLOSED\n", 6, 19,
                        "expected an event name matching [a-z][A-Za-z0-9]{0,63}, found 'Close'"),
                error("a missing target state", MINIMAL + "transition OPEN --close-->\n", 6, 27,
                        "expected a state name matching [A-Z][A-Z0-9_]{0,63}, found the end of the line"),
                error("an unknown guard", MINIMAL + "transition OPEN --close--> CLOSED when hasAgent & isVip\n",
                        6, 51, "expected a guard (" + GUARDS + "), found 'isVip'"),
                error("a missing guard after &", MINIMAL + "transition OPEN --close--> CLOSED when hasAgent &\n",
                        6, 50, "expected a guard (" + GUARDS + "), found the end of the line"),
                error("an unknown effect", MINIMAL + "transition OPEN --close--> CLOSED do release, notify\n", 6, 47,
                        "expected an effect (open, update, assign, updateAgent, release), found 'notify'"),
                error("guards joined by a comma", MINIMAL + "transition OPEN --close--> CLOSED when hasAgent, noAgent\n",
                        6, 48, "expected the end of the line, found ','"),
                error("an undeclared state in a row", MINIMAL + MINIMAL_ROWS + "transition OPEN --park--> PARKED\n",
                        8, 27, "expected a declared state (NONE, OPEN, HELD, CLOSED), found 'PARKED'"),
                error("an undeclared state in a no-op", MINIMAL + MINIMAL_ROWS + "ignore PARKED close\n", 8, 8,
                        "expected a declared state (NONE, OPEN, HELD, CLOSED), found 'PARKED'"),
                error("an ignore without an event", MINIMAL + "ignore CLOSED\n", 6, 14,
                        "expected an event name matching [a-z][A-Za-z0-9]{0,63}, found the end of the line"),
                error("a permit for an unknown event", MINIMAL + MINIMAL_ROWS + "permit escalate agent\n", 8, 8,
                        "expected an event that a transition or ignore names (open, close), found 'escalate'"),
                error("an unknown actor", MINIMAL + MINIMAL_ROWS + "permit close agent, manager\n", 8, 21,
                        "expected an actor (customer, agent, supervisor, system) or none, found 'manager'"),
                error("a permit without actors", MINIMAL + MINIMAL_ROWS + "permit close\n", 8, 13,
                        "expected an actor (customer, agent, supervisor, system) or none, found the end of the line"),
                error("an event permitted twice", MINIMAL + MINIMAL_ROWS + "permit close agent\npermit close system\n",
                        9, 8, "event close is already permitted on line 8"),
                error("an unknown policy", MINIMAL + "policy timeout PT1M\n", 6, 8, "expected one of reopen, "
                        + "idle-timeout, capacity, assignment, auto-assign, minimum-rating, found 'timeout'"),
                error("a policy set twice", MINIMAL + "policy capacity 2\n\npolicy capacity 3\n", 8, 8,
                        "policy capacity is already set on line 6"),
                error("a reopen window that is no duration", MINIMAL + "policy reopen within 72h\n", 6, 22,
                        "expected an ISO-8601 duration like PT30M, found '72h'"),
                error("a zero idle timeout", MINIMAL + "policy idle-timeout PT0S\n", 6, 21,
                        "expected a positive duration, found 'PT0S'"),
                error("a negative idle timeout", MINIMAL + "policy idle-timeout -PT5M\n", 6, 21,
                        "expected a positive duration, found '-PT5M'"),
                error("a zero capacity", MINIMAL + "policy capacity 0\n", 6, 17,
                        "expected a capacity from 1 to 999999999 or unlimited, found '0'"),
                error("a capacity beyond an int", MINIMAL + "policy capacity 99999999999\n", 6, 17,
                        "expected a capacity from 1 to 999999999 or unlimited, found '99999999999'"),
                error("an unknown assignment strategy", MINIMAL + "policy assignment random\n", 6, 19,
                        "expected one of explicit, round-robin, least-loaded, found 'random'"),
                error("auto-assign given as yes", MINIMAL + "policy auto-assign yes\n", 6, 20,
                        "expected one of on, off, found 'yes'"),
                error("an unquoted minimum rating", MINIMAL + "policy minimum-rating gte 4\n", 6, 23,
                        "expected a quoted rating expression like \"gte 4\" or none, found 'gte'"),
                error("a minimum rating that does not parse", MINIMAL + "policy minimum-rating \"gte 4 && ok\"\n",
                        6, 33, "bad minimum rating: expected gt, gte, lt, lte, eq or ("),
                error("an unterminated string", MINIMAL + "policy minimum-rating \"gte 4\n", 6, 23,
                        "expected a closing '\"' before the end of the line"),
                error("a row out of a final state that is no reopen", MINIMAL + MINIMAL_ROWS
                        + "transition CLOSED --nudge--> OPEN\n", 8, 1,
                        "row CLOSED --nudge--> OPEN: leaves final state CLOSED but is not a declared reopen"),
                error("a reopen out of a state that is not final", MINIMAL + MINIMAL_ROWS
                        + "reopen OPEN --reset--> OPEN\n", 8, 1,
                        "row OPEN --reset--> OPEN: is a reopen but OPEN is not a final state"),
                error("a row into the initial state", MINIMAL + MINIMAL_ROWS + "transition OPEN --forget--> NONE\n",
                        8, 1, "row OPEN --forget--> NONE: nothing may enter the initial state NONE"),
                error("a duplicate row", MINIMAL + MINIMAL_ROWS + "transition OPEN --close--> OPEN do update\n",
                        8, 1, "row OPEN --close--> OPEN: duplicate (state, event, guards)"),
                error("a no-op that shadows a row", MINIMAL + MINIMAL_ROWS + "ignore OPEN close\n", 8, 1,
                        "no-op OPEN/close shadows a row with the same state and event"),
                error("a no-op declared twice", MINIMAL + MINIMAL_ROWS + "ignore CLOSED close\nignore CLOSED close\n",
                        9, 1, "no-op CLOSED/close declared twice"),
                error("a base row duplicated when extending", "lifecycle x extends standard\n\n"
                        + "transition OPEN --close--> CLOSED\n", 3, 1,
                        "row OPEN --close--> CLOSED: duplicate (state, event, guards)"),
                error("a stand-alone file without a final state", "# header on line 2\nlifecycle x\ninitial NONE\n"
                        + "state OPEN\ntransition NONE --open--> OPEN\n", 2, 1, "no final state declared"),
                error("a stand-alone file without an initial state", "lifecycle x\nstate OPEN\nfinal state CLOSED\n"
                        + "transition OPEN --close--> CLOSED\n", 1, 1, "no initial state declared"));
    }

    private static Arguments error(String kind, String text, int line, int column, String reason) {
        return Arguments.of(kind, text, line, column, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void eachErrorNamesWhatWasExpectedAtItsLineAndColumn(String kind, String text, int line, int column,
                                                         String reason) {
        assertThatThrownBy(() -> RulesFile.parse(text)).isInstanceOfSatisfying(RulesSyntaxException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("line " + line + ", column " + column + ": " + reason);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isEqualTo(column);
        });
    }

    @Test
    void aTextOverTheCharacterLimitIsRefusedBeforeReading() {
        String text = "lifecycle x\n" + "#".repeat(RulesFile.MAX_CHARACTERS);

        assertThatThrownBy(() -> RulesFile.parse(text)).isInstanceOf(RulesSyntaxException.class)
                .hasMessage("line 1, column 1: the rules text is longer than 1048576 characters");
    }

    @Test
    void aTextOverTheLineLimitIsRefusedAtTheFirstLineTooMany() {
        String text = MINIMAL + MINIMAL_ROWS + "#\n".repeat(RulesFile.MAX_LINES);

        assertThatThrownBy(() -> RulesFile.parse(text)).isInstanceOf(RulesSyntaxException.class)
                .hasMessage("line 10001, column 1: the rules text is longer than 10000 lines");
    }

    @Test
    void aTextOfExactlyTheLineLimitIsRead() {
        String text = MINIMAL + MINIMAL_ROWS + "#\n".repeat(RulesFile.MAX_LINES - 7);

        assertThat(RulesFile.parse(text).name()).isEqualTo("tiny");
    }

    @Test
    void aLeadingByteOrderMarkIsIgnored() {
        assertThat(RulesFile.parse("\uFEFF" + MINIMAL + MINIMAL_ROWS).name()).isEqualTo("tiny");
    }

    @Test
    void aLongOffendingWordIsCutInTheMessage() {
        String word = "x".repeat(10_000);

        assertThatThrownBy(() -> RulesFile.parse(MINIMAL + "policy " + word + "\n"))
                .hasMessage("line 6, column 8: expected one of reopen, idle-timeout, capacity, assignment, auto-assign, "
                        + "minimum-rating, found '" + "x".repeat(64) + "...'");
    }

    @Test
    void aMessageListsAtMostTwentyDeclaredStates() {
        String states = IntStream.range(0, 30).mapToObj(i -> "state S" + i + "\n").collect(Collectors.joining());

        assertThatThrownBy(() -> RulesFile.parse(MINIMAL + states + "ignore LIMBO close\n"))
                .hasMessageEndingWith(", S14, S15, ...), found 'LIMBO'");
    }

    @Test
    void twoThousandRowsAreReadAndAWrongLastOneIsLocated() {
        String rows = IntStream.range(0, 2000).mapToObj(i -> "transition OPEN --e" + i + "--> OPEN\n")
                .collect(Collectors.joining());
        String valid = MINIMAL + MINIMAL_ROWS + rows;

        assertThat(RulesFile.parse(valid).transitions()).hasSize(2002);
        assertThatThrownBy(() -> RulesFile.parse(valid + "transition OPEN --e0--> CLOSED\n"))
                .hasMessage("line 2008, column 1: row OPEN --e0--> CLOSED: duplicate (state, event, guards)");
    }

    @Test
    void aNullTextIsRefused() {
        assertThatThrownBy(() -> RulesFile.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
