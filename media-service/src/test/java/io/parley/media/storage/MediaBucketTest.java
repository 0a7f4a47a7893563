package io.parley.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class MediaBucketTest {

    @Test
    void anExistingBucketIsNotCreatedAgain() {
        FakeS3 s3 = new FakeS3(null, null);

        new MediaBucket(s3, "media").createIfMissing().block(Duration.ofSeconds(5));

        assertThat(s3.created).isZero();
    }

    @Test
    void aMissingBucketIsCreated() {
        FakeS3 s3 = new FakeS3(NoSuchBucketException.builder().message("missing").build(), null);

        new MediaBucket(s3, "media").createIfMissing().block(Duration.ofSeconds(5));

        assertThat(s3.created).isEqualTo(1);
    }

    @Test
    void aBucketAnotherInstanceCreatedFirstIsFine() {
        FakeS3 s3 = new FakeS3(NoSuchBucketException.builder().message("missing").build(),
                BucketAlreadyOwnedByYouException.builder().message("raced").build());

        new MediaBucket(s3, "media").createIfMissing().block(Duration.ofSeconds(5));

        assertThat(s3.created).isEqualTo(1);
    }

    @Test
    void anyOtherFailureStopsStartUp() {
        FakeS3 s3 = new FakeS3(S3Exception.builder().message("forbidden").statusCode(403).build(), null);

        assertThatThrownBy(() -> new MediaBucket(s3, "media").createIfMissing().block(Duration.ofSeconds(5)))
                .hasMessageContaining("forbidden");
        assertThat(s3.created).isZero();
    }

    /** Fails like the SDK does: the future completes with a CompletionException around the S3 error. */
    private static final class FakeS3 implements S3AsyncClient {
        private final RuntimeException headFailure;
        private final RuntimeException createFailure;
        int created;

        FakeS3(RuntimeException headFailure, RuntimeException createFailure) {
            this.headFailure = headFailure;
            this.createFailure = createFailure;
        }

        @Override
        public CompletableFuture<HeadBucketResponse> headBucket(HeadBucketRequest request) {
            return headFailure == null ? CompletableFuture.completedFuture(HeadBucketResponse.builder().build())
                    : CompletableFuture.failedFuture(new CompletionException(headFailure));
        }

        @Override
        public CompletableFuture<CreateBucketResponse> createBucket(CreateBucketRequest request) {
            created++;
            return createFailure == null ? CompletableFuture.completedFuture(CreateBucketResponse.builder().build())
                    : CompletableFuture.failedFuture(new CompletionException(createFailure));
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }
    }
}
