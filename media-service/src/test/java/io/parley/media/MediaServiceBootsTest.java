package io.parley.media;

import io.parley.testkit.CassandraExtension;
import io.parley.testkit.S3Extension;
import io.parley.testkit.ServiceBootChecks;
import io.parley.testkit.ServiceBootTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts against real infrastructure and reports itself healthy, live, ready and measured. */
@ServiceBootTest
class MediaServiceBootsTest implements ServiceBootChecks {

    @RegisterExtension
    static final CassandraExtension CASSANDRA = new CassandraExtension();
    @RegisterExtension
    static final S3Extension S3 = new S3Extension();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("parley.cassandra.contact-points", CASSANDRA::contactPoints);
        registry.add("parley.cassandra.local-datacenter", CASSANDRA::localDatacenter);
        registry.add("parley.cassandra.keyspace", CASSANDRA::keyspace);
        registry.add("parley.media.s3.endpoint", () -> S3.endpoint().toString());
        registry.add("parley.media.s3.region", S3::region);
        registry.add("parley.media.s3.access-key", S3::accessKey);
        registry.add("parley.media.s3.secret-key", S3::secretKey);
        registry.add("parley.media.s3.bucket", S3::bucket);
    }
}
