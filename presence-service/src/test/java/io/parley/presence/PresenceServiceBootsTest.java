package io.parley.presence;

import io.parley.testkit.RedisExtension;
import io.parley.testkit.ServiceBootChecks;
import io.parley.testkit.ServiceBootTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts against real infrastructure and reports itself healthy, live, ready and measured. */
@ServiceBootTest
class PresenceServiceBootsTest implements ServiceBootChecks {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("parley.redis.url", REDIS::uri);
    }
}
