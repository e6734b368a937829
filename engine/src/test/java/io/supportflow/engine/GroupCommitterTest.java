package io.supportflow.engine;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.Stores;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.ReferenceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class GroupCommitterTest {
    private static final int WAITERS = 12;

    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstWrite = new CountDownLatch(1);

    /** Records each commitAll's size; the first one waits until the test releases it. */
    private final DelegatingStore store = new DelegatingStore(Stores.inMemory()) {
        @Override
        public List<StaleVersionException> commitAll(List<Commit> commits) {
            batchSizes.add(commits.size());
            if (batchSizes.size() == 1) {
                firstWriteStarted.countDown();
                awaitUninterruptibly(releaseFirstWrite);
            }
            return super.commitAll(commits);
        }
    };

    @Test
    void commitsArrivingDuringAWriteShareTheNextWrite() throws InterruptedException {
        GroupCommitter committer = new GroupCommitter(store);
        Thread first = start(() -> committer.commit(openCommit("first")));
        firstWriteStarted.await();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < WAITERS; i++) {
            String order = "o" + i;
            waiters.add(start(() -> committer.commit(openCommit(order))));
        }
        waitUntilAllParked(waiters);
        releaseFirstWrite.countDown();
        first.join();
        for (Thread t : waiters) {
            t.join();
        }
        assertThat(batchSizes).containsExactly(1, WAITERS);
        assertThat(store.sessionCount()).isEqualTo(WAITERS + 1);
    }

    @Test
    void aRefusedCommitFailsOnlyItsOwnCaller() {
        GroupCommitter committer = new GroupCommitter(store);
        releaseFirstWrite.countDown();
        committer.commit(openCommit("o1"));
        assertThatThrownBy(() -> committer.commit(openCommit("o1"))).isInstanceOf(StaleVersionException.class);
        committer.commit(openCommit("o2"));
        assertThat(store.sessionCount()).isEqualTo(2);
    }

    @Test
    void aFailingWriteFailsEveryCommitOfItsBatch() {
        DelegatingStore broken = new DelegatingStore(Stores.inMemory()) {
            @Override
            public List<StaleVersionException> commitAll(List<Commit> commits) {
                throw new IllegalStateException("disk full");
            }
        };
        GroupCommitter committer = new GroupCommitter(broken);
        assertThatThrownBy(() -> committer.commit(openCommit("o1"))).hasMessage("disk full");
        assertThat(broken.sessionCount()).isZero();
    }

    private static Commit openCommit(String orderId) {
        ReferenceModel model = new ReferenceModel(Lifecycle.standard(), Fixtures.T0);
        Outcome outcome = model.apply(new Command.Open(orderId, Fixtures.body("x"), Actor.CUSTOMER));
        return Commit.of((Outcome.Accepted) outcome);
    }

    private static Thread start(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }

    private static void waitUntilAllParked(List<Thread> threads) {
        while (threads.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
            Thread.onSpinWait();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
