package io.parley.bench.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.parley.testkit.RedisExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("integration")
class RedisCommandsIntegrationTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void countsTheCommandsRedisProcessedBetweenTwoReadings() {
        RedisCommands commands = RedisCommands.at(REDIS.host() + ":" + REDIS.port());
        RedisClient client = RedisClient.create(REDIS.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            long before = commands.processed();
            for (int i = 0; i < 10; i++) {
                connection.sync().set("k" + i, "v");
            }
            long after = commands.processed();

            // the 10 SETs and the first INFO (a command is counted once it completed)
            assertThat(after - before).isEqualTo(11);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void noAddressMeansNotMeasured() {
        assertThat(RedisCommands.at("")).isNull();
    }
}
