package io.parley.user.device;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes revocations whose request died half way (Kafka down, pod killed). Every pod sweeps; two pods
 * finishing the same entry publish its event twice with one event id, which consumers tolerate.
 */
@Component
class RevocationSweeper {

    private static final Logger log = LoggerFactory.getLogger(RevocationSweeper.class);
    /** Entries younger than this most likely belong to a request still in flight. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final DeviceRevocation revocation;
    private final Clock clock;

    RevocationSweeper(DeviceRevocation revocation, Clock clock) {
        this.revocation = revocation;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 30, fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
    void sweep() {
        try {
            Long finished = revocation.sweep(clock.instant().minus(GRACE)).block(Duration.ofMinutes(1));
            if (finished != null && finished > 0) {
                log.info("Finished {} pending device revocations", finished);
            }
        } catch (RuntimeException e) {
            log.warn("Revocation sweep failed: {}", e.toString());
        }
    }
}
