package io.parley.testkit;

import io.parley.infra.redis.RedisServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis server shared by all test classes of the JVM, emptied ({@code FLUSHALL}) before each test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisExtension REDIS = new RedisExtension();
 *
 * @DynamicPropertySource
 * static void redis(DynamicPropertyRegistry registry) {
 *     registry.add("spring.data.redis.url", REDIS::uri);
 * }
 * }</pre>
 */
public final class RedisExtension implements BeforeAllCallback {

    /** The shared server, started if needed. */
    public RedisServer server() {
        return SharedServers.redis();
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return server().uri();
    }

    public String host() {
        return server().host();
    }

    public int port() {
        return server().port();
    }

    /** Deletes every key; done before each test class, call it between tests if they need it too. */
    public void flushAll() {
        server().flushAll();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        flushAll();
    }
}
