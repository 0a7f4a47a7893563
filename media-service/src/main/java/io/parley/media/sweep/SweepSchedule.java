package io.parley.media.sweep;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the sweeper every {@code parley.media.sweep.interval} on Spring's scheduler thread (never an event loop). */
final class SweepSchedule {

    private static final Logger log = LoggerFactory.getLogger(SweepSchedule.class);
    private static final Duration LONGEST_SWEEP = Duration.ofMinutes(30);

    private final MediaSweeper sweeper;

    SweepSchedule(MediaSweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Scheduled(initialDelayString = "${parley.media.sweep.interval:10m}", fixedDelayString = "${parley.media.sweep.interval:10m}")
    void sweep() {
        try {
            Long deleted = sweeper.sweep().block(LONGEST_SWEEP);
            if (deleted != null && deleted > 0) {
                log.info("Swept {} media items never shared", deleted);
            }
        } catch (RuntimeException failure) {
            log.warn("Media sweep failed; the next one retries: {}", failure.toString());
        }
    }
}
