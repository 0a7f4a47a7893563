package io.parley.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The shared Redis server of {@link RedisExtension} (emptied before each test class) with a reactive string
 * template connected to it for the test class, for testing Redis code without a Spring context.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ReactiveRedisExtension REDIS = new ReactiveRedisExtension();
 *
 * @Test
 * void test() {
 *     new ConnectionRegistry(REDIS.template(), Duration.ofMinutes(1));
 * }
 * }</pre>
 */
public final class ReactiveRedisExtension implements BeforeAllCallback, AfterAllCallback {

    private final RedisExtension redis = new RedisExtension();
    private LettuceConnectionFactory connections;
    private ReactiveStringRedisTemplate template;

    /** The template of the running test class; connected before its first test, closed after its last. */
    public ReactiveStringRedisTemplate template() {
        if (template == null) {
            throw new IllegalStateException("register ReactiveRedisExtension with @RegisterExtension on a static field");
        }
        return template;
    }

    public RedisExtension server() {
        return redis;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        redis.beforeAll(context);
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        template = new ReactiveStringRedisTemplate(connections);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        template = null;
        connections.destroy();
    }
}
