package io.parley.bench.presence;

import io.parley.bench.device.DeviceConnection;
import io.parley.bench.device.DeviceListener;
import io.parley.protocol.ServerFrame;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

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
}
