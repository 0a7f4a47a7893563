package io.parley.group.support;

import io.parley.doubles.FakeMediaLibrary;
import io.parley.doubles.FakeUserDirectory;
import io.parley.auth.fixtures.TestSecurity;
import io.parley.auth.fixtures.TestTokens;
import io.parley.testkit.CassandraExtension;
import io.parley.testkit.RedisExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * group-service on real Cassandra and Redis, with user-service and chat-service's membership faked behind their real
 * gRPC contracts; one Spring context for every subclass. Tests isolate themselves with fresh user ids; a small cap
 * keeps the cap tests short.
 */
@Tag("integration")
@Timeout(180)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "parley.group.max-members=5",
        "parley.group.joins-per-window=3",
        "parley.group.join-window=1h",
        "parley.auth.jwks-uri=http://127.0.0.1:1/unused",
        "parley.auth.issuer=" + TestTokens.ISSUER})
@AutoConfigureWebTestClient
@Import(TestSecurity.class)
public abstract class GroupServiceIntegrationTest {

    protected static final int MAX_MEMBERS = 5;
    protected static final int JOINS_PER_WINDOW = 3;

    @RegisterExtension
    protected static final RedisExtension REDIS = new RedisExtension();
    @RegisterExtension
    protected static final CassandraExtension CASSANDRA = new CassandraExtension();

    protected static final String KEYSPACE = "group_it_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    protected static final FakeUserDirectory DIRECTORY = FakeUserDirectory.shared();
    protected static final FakeChatMembership CHATS = FakeChatMembership.instance();
    protected static final FakeMediaLibrary MEDIA = FakeMediaLibrary.instance();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("parley.redis.url", REDIS::uri);
        registry.add("parley.cassandra.contact-points", CASSANDRA::contactPoints);
        registry.add("parley.cassandra.local-datacenter", CASSANDRA::localDatacenter);
        registry.add("parley.cassandra.keyspace", () -> KEYSPACE);
        registry.add("parley.group.user-directory.address", FakeUserDirectory::sharedAddress);
        registry.add("parley.group.chat-service.address", CHATS::address);
        registry.add("parley.group.media-library.address", MEDIA::address);
    }

    @Autowired
    protected WebTestClient http;

    protected static String newUser() {
        return UUID.randomUUID().toString();
    }

    /** A client acting as {@code userId} (on a device of its own). */
    protected WebTestClient as(String userId) {
        return http.mutate()
                .defaultHeader("Authorization", "Bearer " + TestTokens.accessToken(userId, UUID.randomUUID().toString()))
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .build();
    }

    /** Creates a group of {@code creator} with {@code members}; its id. */
    protected String createGroup(String creator, String... members) {
        Map<?, ?> body = as(creator).post().uri("/v1/groups").bodyValue(Map.of("name", "Group", "members", List.of(members)))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return body.get("group_id").toString();
    }

    /** Asserts a problem document of {@code status} and {@code code}; its body for further checks. */
    protected static WebTestClient.BodyContentSpec refused(WebTestClient.ResponseSpec response, HttpStatus status, String code) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }
}
