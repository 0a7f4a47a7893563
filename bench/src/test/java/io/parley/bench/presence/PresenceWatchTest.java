package io.parley.bench.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ServerFrame;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class PresenceWatchTest {

    @Test
    void recordsEachWatchersFirstSightingOfTheExpectedStateAndCountsTheRest() {
        PresenceWatch watch = new PresenceWatch("w", 2);
        CountDownLatch online = watch.expect(true);

        watch.listener(0).onPresence(null, new ServerFrame.Presence("w", true, null), 100);
        watch.listener(0).onPresence(null, new ServerFrame.Presence("w", true, null), 200);
        watch.listener(1).onPresence(null, new ServerFrame.Presence("other", true, null), 250);
        watch.listener(1).onPresence(null, new ServerFrame.Presence("w", false, 1L), 300);
        assertThat(online.getCount()).isEqualTo(1);
        watch.listener(1).onPresence(null, new ServerFrame.Presence("w", true, null), 400);

        assertThat(online.getCount()).isZero();
        assertThat(watch.arrivals()).containsExactly(100, 400);
        assertThat(watch.unexpected()).isEqualTo(1);
        watch.expect(false);
        assertThat(watch.arrivals()).containsExactly(0, 0);
    }
}
