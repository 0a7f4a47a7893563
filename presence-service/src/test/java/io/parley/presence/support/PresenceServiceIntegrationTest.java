package io.parley.presence.support;

import io.parley.doubles.GrpcServerPort;
import io.parley.doubles.FakeUserDirectory;
import io.parley.auth.fixtures.TestSecurity;
import io.parley.auth.fixtures.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Grpc;
import io.parley.testkit.ServiceIdentityCredentials;
import io.parley.proto.presence.v1.PresenceGrpc;
import io.parley.testkit.CassandraExtension;
import io.parley.testkit.RedisExtension;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * presence-service on real Redis and Cassandra, with user-service faked behind its real gRPC contract; one Spring
 * context for every subclass. A short grace and sweep keep waits short; tests isolate themselves with fresh ids.
 */
@Tag("integration")
@Timeout(180)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "parley.presence.grace=1s",
        "parley.presence.sweep-interval=100ms",
        "parley.presence.user-directory.cache-ttl=0s",
        "parley.auth.jwks-uri=http://127.0.0.1:1/unused",
        "parley.auth.issuer=" + TestTokens.ISSUER})
@AutoConfigureWebTestClient
@Import({TestSecurity.class, GrpcServerPort.class})
public abstract class PresenceServiceIntegrationTest {

    @RegisterExtension
    protected static final RedisExtension REDIS = new RedisExtension();
    @RegisterExtension
    protected static final CassandraExtension CASSANDRA = new CassandraExtension();

    protected static final String KEYSPACE = "presence_it_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    protected static final FakeUserDirectory DIRECTORY = FakeUserDirectory.shared();
    private static volatile ManagedChannel channel;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("parley.redis.url", REDIS::uri);
        registry.add("parley.cassandra.contact-points", CASSANDRA::contactPoints);
        registry.add("parley.cassandra.local-datacenter", CASSANDRA::localDatacenter);
        registry.add("parley.cassandra.keyspace", () -> KEYSPACE);
        registry.add("parley.presence.user-directory.address", FakeUserDirectory::sharedAddress);
    }

    @Autowired
    protected GrpcServerPort grpcPort;

    protected PresenceGrpc.PresenceBlockingStub presence() {
        if (channel == null) {
            synchronized (PresenceServiceIntegrationTest.class) {
                if (channel == null) {
                    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", grpcPort.get(),
                            ServiceIdentityCredentials.callingAs("gateway-service")).build();
                }
            }
        }
        return PresenceGrpc.newBlockingStub(channel);
    }
}
