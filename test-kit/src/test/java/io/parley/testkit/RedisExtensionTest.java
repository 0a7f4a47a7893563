package io.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("integration")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RedisExtensionTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(REDIS.uri());
        connection = client.connect();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Test
    void valueSetIsReturnedByGet() {
        RedisCommands<String, String> redis = connection.sync();

        redis.set("presence:user-1", "online");

        assertThat(redis.get("presence:user-1")).isEqualTo("online");
    }

    @Test
    void flushAllDeletesEveryKey() {
        RedisCommands<String, String> redis = connection.sync();
        redis.set("session:1", "gateway-a");

        REDIS.flushAll();

        assertThat(redis.dbsize()).isZero();
    }
}
