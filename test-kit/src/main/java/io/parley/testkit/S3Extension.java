package io.parley.testkit;

import io.parley.infra.s3.S3Server;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A real S3 endpoint (S3Proxy, checking signatures for real) shared by all test classes of the JVM, and a fresh
 * bucket per test class, emptied and deleted after it. Clients must use path-style access.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final S3Extension S3 = new S3Extension();
 *
 * @DynamicPropertySource
 * static void s3(DynamicPropertyRegistry registry) { // the application's own property names
 *     registry.add("media.s3.endpoint", () -> S3.endpoint().toString());
 *     registry.add("media.s3.region", S3::region);
 *     registry.add("media.s3.access-key", S3::accessKey);
 *     registry.add("media.s3.secret-key", S3::secretKey);
 *     registry.add("media.s3.bucket", S3::bucket);
 * }
 * }</pre>
 */
public final class S3Extension implements BeforeAllCallback, AfterAllCallback {

    /** Bucket names have at most 63 characters; the suffix takes 9. */
    private static final int MAX_BUCKET_PREFIX = 40;

    private String bucketPrefix = "test";
    private String bucket;
    private S3Client client;
    private S3Presigner presigner;

    /** The shared server, started if needed. */
    public S3Server server() {
        return SharedServers.s3();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return server().endpoint();
    }

    public String accessKey() {
        return server().accessKey();
    }

    public String secretKey() {
        return server().secretKey();
    }

    public String region() {
        return server().region();
    }

    /** This test class's bucket, created on first use. */
    public synchronized String bucket() {
        if (bucket == null) {
            String name = UniqueNames.of(bucketPrefix, '-', MAX_BUCKET_PREFIX);
            client().createBucket(request -> request.bucket(name));
            bucket = name;
        }
        return bucket;
    }

    /** A client for the server (path-style), closed after the test class. */
    public synchronized S3Client client() {
        if (client == null) {
            client = S3Client.builder()
                    .endpointOverride(endpoint())
                    .region(Region.of(region()))
                    .credentialsProvider(credentials())
                    .forcePathStyle(true)
                    // S3-compatible servers differ in their support of the SDK's default trailing checksums.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .build();
        }
        return client;
    }

    /** A presigner for the server (path-style), closed after the test class. */
    public synchronized S3Presigner presigner() {
        if (presigner == null) {
            presigner = S3Presigner.builder()
                    .endpointOverride(endpoint())
                    .region(Region.of(region()))
                    .credentialsProvider(credentials())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                    .build();
        }
        return presigner;
    }

    public StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secretKey()));
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        bucketPrefix = context.getRequiredTestClass().getSimpleName();
        bucket();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        try {
            if (bucket != null) {
                deleteBucket(bucket);
            }
        } finally {
            bucket = null;
            if (client != null) {
                client.close();
                client = null;
            }
            if (presigner != null) {
                presigner.close();
                presigner = null;
            }
        }
    }

    private void deleteBucket(String name) {
        List<ObjectIdentifier> objects = client().listObjectsV2Paginator(request -> request.bucket(name))
                .contents().stream()
                .map(S3Object::key)
                .map(key -> ObjectIdentifier.builder().key(key).build())
                .toList();
        for (int from = 0; from < objects.size(); from += 1000) {
            List<ObjectIdentifier> batch = objects.subList(from, Math.min(objects.size(), from + 1000));
            client().deleteObjects(request -> request.bucket(name).delete(delete -> delete.objects(batch)));
        }
        client().deleteBucket(request -> request.bucket(name));
    }
}
