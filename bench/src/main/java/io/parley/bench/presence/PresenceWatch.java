package io.parley.bench.presence;

import io.parley.bench.device.DeviceConnection;
import io.parley.bench.device.DeviceListener;
import io.parley.protocol.ServerFrame;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the watching devices of one watched user saw in the current phase: when each first saw the state the phase
 * waits for ({@link #expect}), and how many frames said anything else.
 */
final class PresenceWatch {

    private final String watchedUser;
    private final long[] arrivals;
    private volatile boolean expectOnline;
    private volatile CountDownLatch seen = new CountDownLatch(0);
    private volatile long unexpected;
    private final LongAdder resubscribed = new LongAdder();

    PresenceWatch(String watchedUser, int watchers) {
        this.watchedUser = watchedUser;
        this.arrivals = new long[watchers];
    }

    /** Starts a phase: from now on, waits for every watcher to see {@code online}. */
    synchronized CountDownLatch expect(boolean online) {
        Arrays.fill(arrivals, 0);
        expectOnline = online;
        seen = new CountDownLatch(arrivals.length);
        return seen;
    }

    DeviceListener listener(int watcher) {
        return new DeviceListener() {
            @Override
            public void onPresence(DeviceConnection device, ServerFrame.Presence presence, long nanos) {
                if (presence.user().equals(watchedUser)) {
                    record(watcher, presence.online(), nanos);
                }
            }

            /** As a client does: a subscription refused for a passing reason is asked again after a jittered pause. */
            @Override
            public void onError(DeviceConnection device, ServerFrame.Error error) {
                if (error.retriable()) {
                    resubscribed.increment();
                    long pause = ThreadLocalRandom.current().nextLong(500, 1500);
                    CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS)
                            .execute(() -> device.subscribePresence(List.of(watchedUser)));
                }
            }
        };
    }

    private synchronized void record(int watcher, boolean online, long nanos) {
        if (online != expectOnline) {
            unexpected++;
        } else if (arrivals[watcher] == 0) {
            arrivals[watcher] = nanos;
            seen.countDown();
        }
    }

    /** When each watcher saw the expected state (0: not yet). */
    synchronized long[] arrivals() {
        return arrivals.clone();
    }

    long unexpected() {
        return unexpected;
    }

    /** Subscriptions asked again after a retriable refusal (e.g. presence-service could not ask user-service). */
    long resubscribed() {
        return resubscribed.sum();
    }
}
