package io.supportflow.engine;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.ReferenceModel;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt.forClasses;

/**
 * Lincheck's model checker runs {@link GroupCommitter#commit} from two threads, then once more after both, under
 * thousands of schedules, switching threads at every access to shared state of the committer itself (the JDK
 * collections and the store stub count as atomic: they are correct on their own), and fails on any schedule in which a
 * call throws or never returns (a lost hand-off of the lead parks every later commit). The sequential specification:
 * every commit returns normally. On the committer before issue 15 (leader flag released, then re-taken to hand the
 * lead on) it finds the NullPointerException of the hand-off race and the parked commit after it; on the current
 * committer with the hand-off to the new head left out, it finds the caller parked for ever ("The execution has hung").
 */
public class GroupCommitterLinearizabilityTest {
    private static final Commit COMMIT = open("o1");

    private final GroupCommitter committer = new GroupCommitter(new AcceptingStore());

    @Operation
    public void commit() {
        committer.commit(COMMIT);
    }

    @Test
    void everyCommitReturnsInEveryScheduleOfTwoCallersAndOneAfterThem() {
        new ModelCheckingOptions()
                .threads(2)
                .actorsPerThread(1)
                .actorsBefore(0)
                .actorsAfter(1)
                .iterations(1)
                .invocationsPerIteration(5_000)
                .addGuarantee(forClasses(ConcurrentLinkedQueue.class.getName(), ArrayDeque.class.getName(),
                        ArrayList.class.getName(), AcceptingStore.class.getName()).allMethods().treatAsAtomic())
                .check(GroupCommitterLinearizabilityTest.class);
    }

    private static Commit open(String orderId) {
        ReferenceModel model = new ReferenceModel(Lifecycle.standard(), Fixtures.T0);
        Outcome outcome = model.apply(new Command.Open(orderId, Fixtures.body("x"), Actor.CUSTOMER));
        return Commit.of((Outcome.Accepted) outcome);
    }

    /** Accepts every commit; nothing else of the store is used. */
    static final class AcceptingStore extends DelegatingStore {
        AcceptingStore() {
            super(null);
        }

        @Override
        public List<StaleVersionException> commitAll(List<Commit> commits) {
            return Collections.nCopies(commits.size(), null);
        }
    }
}
