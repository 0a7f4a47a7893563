package io.parley.media.storage;

import java.time.Duration;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** The one bucket media objects are stored in. */
public final class MediaBucket {

    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);

    private final S3AsyncClient s3;
    private final String name;

    MediaBucket(S3AsyncClient s3, String name) {
        this.s3 = s3;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Completes when the bucket is reachable with our credentials; errors otherwise. */
    public Mono<Void> check() {
        return Mono.fromFuture(() -> s3.headBucket(request -> request.bucket(name))).then();
    }

    /** Creates the bucket unless it exists already (or another instance created it first). */
    Mono<Void> createIfMissing() {
        return check().onErrorResume(NoSuchBucketException.class, missing ->
                Mono.fromFuture(() -> s3.createBucket(request -> request.bucket(name)))
                        .timeout(CREATE_TIMEOUT)
                        .then()
                        .onErrorResume(BucketAlreadyOwnedByYouException.class, raced -> Mono.empty()));
    }
}
