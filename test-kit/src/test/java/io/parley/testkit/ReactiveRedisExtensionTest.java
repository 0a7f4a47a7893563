package io.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("integration")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReactiveRedisExtensionTest {

    @RegisterExtension
    static final ReactiveRedisExtension REDIS = new ReactiveRedisExtension();

    @Test
    void theTemplateTalksToTheSharedServer() {
        REDIS.template().opsForValue().set("greeting", "hello").block(Duration.ofSeconds(5));

        assertThat(REDIS.template().opsForValue().get("greeting").block(Duration.ofSeconds(5))).isEqualTo("hello");
        assertThat(REDIS.server().port()).isPositive();
    }
}
