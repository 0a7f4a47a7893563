package io.parley.media.storage;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Health "mediaBucket": without the bucket no upload or download URL works. */
@Component("mediaBucketHealthIndicator")
class MediaBucketHealthIndicator implements ReactiveHealthIndicator {

    private final MediaBucket bucket;

    MediaBucketHealthIndicator(MediaBucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public Mono<Health> health() {
        return bucket.check()
                .timeout(Duration.ofSeconds(3))
                .thenReturn(Health.up().withDetail("bucket", bucket.name()).build())
                .onErrorResume(error -> Mono.just(Health.down().withDetail("bucket", bucket.name())
                        .withDetail("error", error.getClass().getSimpleName()).build()));
    }
}
