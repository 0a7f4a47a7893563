package io.parley.media.storage;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** The one bucket media objects are stored in. */
public final class MediaBucket {

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

    void createIfMissing() {
        try {
            s3.headBucket(request -> request.bucket(name)).join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof NoSuchBucketException)) {
                throw e;
            }
            try {
                s3.createBucket(request -> request.bucket(name)).orTimeout(Duration.ofSeconds(30).toSeconds(),
                        java.util.concurrent.TimeUnit.SECONDS).join();
            } catch (CompletionException raced) {
                if (!(raced.getCause() instanceof BucketAlreadyOwnedByYouException)) {
                    throw raced;
                }
            }
        }
    }
}
