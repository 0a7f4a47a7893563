package io.parley.chat.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UserQueuesTest {

    @Test
    void runsOneUsersJobsInSubmissionOrderEvenWhenEarlierOnesAreSlower() throws Exception {
        UserQueues queues = new UserQueues();
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int job = i;
            long delay = 20 - i;
            done.add(queues.submit("alice", () -> CompletableFuture.runAsync(() -> ran.add(job),
                    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        assertThat(ran).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(queues.pendingUsers()).isZero();
    }

    @Test
    void aFailingJobDoesNotStopTheNext() throws Exception {
        UserQueues queues = new UserQueues();
        queues.submit("bob", () -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<Void> next = new CompletableFuture<>();
        queues.submit("bob", () -> {
            next.complete(null);
            return next;
        }).get(5, TimeUnit.SECONDS);

        assertThat(next).isCompleted();
    }
}
