package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPIN (a child process; {@code mvn verify} installs it when missing, see {@code src/test/spin/ensure-spin}) and
 * {@link ModelChecker} agree: same breaches, same number of reachable configurations; SPIN's trails replay on the
 * reference model.
 */
class SpinCrossCheckIT {
    private static final AtomicLong DEFINITIONS = new AtomicLong();
    private static final AtomicLong CONFIGURATIONS = new AtomicLong();
    private static final Pattern TRAP = Pattern.compile("no command changes an order in (\\S+), which is not final .*");

    static Stream<Lifecycle> standardVariants() {
        return ModelCheckerTest.standardVariants();
    }

    static Stream<Map.Entry<Lifecycle, String>> plantedDefects() {
        return PlantedDefects.EXPECTED.entrySet().stream();
    }

    @ParameterizedTest
    @MethodSource("standardVariants")
    void theStandardLifecycleAndItsPolicyVariantsAreCleanForBothCheckersWithTheSameConfigurations(Lifecycle d) {
        CrossCheck.Result result = crossCheck(d);

        assertThat(result.differences()).isEmpty();
        assertThat(result.spin().ok()).isTrue();
        assertThat(result.spin().statesStored()).isEqualTo(result.checker().orderedConfigurations() + 1);
    }

    @ParameterizedTest
    @MethodSource("plantedDefects")
    void everyPlantedDefectIsFoundByBothCheckersAndSpinsTrailReplaysOnTheReferenceModel(
            Map.Entry<Lifecycle, String> planted) {
        CrossCheck.Result result = crossCheck(planted.getKey());

        assertThat(result.differences()).isEmpty();
        assertThat(result.checkerBreaches()).contains(planted.getValue());
        assertThat(result.spin().breaches()).contains(planted.getValue());
        result.spin().violations().forEach(v -> assertReplays(planted.getKey(), v));
    }

    @Provide
    Arbitrary<Lifecycle> definitions() {
        return ModelCheckerProperties.generated();
    }

    @Property(tries = 50)
    @Label("P1, P2, P3, P7: SPIN and the model checker agree on generated definitions; SPIN's trails replay")
    void spinAndTheModelCheckerAgreeOnGeneratedDefinitions(@ForAll("definitions") Lifecycle definition) {
        CrossCheck.Result result = crossCheck(definition);

        assertThat(result.differences()).as(result.render()).isEmpty();
        result.spin().violations().forEach(v -> assertReplays(definition, v));
        DEFINITIONS.incrementAndGet();
        CONFIGURATIONS.addAndGet(result.checker().orderedConfigurations());
        Statistics.label("verdict").collect(result.checkerBreaches().isEmpty() ? "clean" : "breached");
        Statistics.label("checker-only traps (cycles)").collect(result.checkerOnlyTraps().size());
        Statistics.label("configurations compared").collect(result.checker().orderedConfigurations() < 100 ? "<100"
                : result.checker().orderedConfigurations() < 1000 ? "100-999" : ">=1000");
    }

    /** The figures the README quotes. */
    @AfterContainer
    static void printTheAgreement() {
        System.out.println("SPIN cross-check: " + DEFINITIONS.get() + " generated definitions agreed, "
                + CONFIGURATIONS.get() + " configurations (orders told apart) compared");
    }

    private static CrossCheck.Result crossCheck(Lifecycle definition) {
        assertThat(Spin.available()).as(Spin.howToInstall()).isTrue();
        return CrossCheck.run(definition, Bounds.defaults(definition));
    }

    /** A trap's trail ends in the trap state; any other breach's trail replays to it (none for unreachable). */
    private static void assertReplays(Lifecycle definition, Violation v) {
        Bounds bounds = Bounds.defaults(definition);
        Matcher trap = TRAP.matcher(v.description());
        if (trap.matches()) {
            assertThat(Replay.lastState(definition, bounds, v.trace())).as(v.render()).isEqualTo(trap.group(1));
        } else if (!v.description().endsWith(" is never reached")) {
            Replay.assertBreachReplays(definition, bounds, v);
        }
    }
}
