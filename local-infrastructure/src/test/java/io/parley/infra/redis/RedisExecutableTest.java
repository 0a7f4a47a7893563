package io.parley.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisExecutableTest {

    @Test
    void embeddedRedisShipsABinaryForCommonPlatforms() {
        assertThat(RedisExecutable.bundledResourceName("Linux", "amd64")).hasValue("redis-server-6.2.6-v5-linux-amd64");
        assertThat(RedisExecutable.bundledResourceName("Linux", "aarch64")).hasValue("redis-server-6.2.7-linux-arm64");
        assertThat(RedisExecutable.bundledResourceName("Mac OS X", "aarch64"))
                .hasValue("redis-server-6.2.6-v5-darwin-arm64");
        assertThat(RedisExecutable.bundledResourceName("Linux", "s390x")).isEmpty();
    }

    @Test
    void bundledBinariesAreOnTheClasspath() {
        ClassLoader loader = RedisExecutableTest.class.getClassLoader();
        assertThat(loader.getResource("redis-server-6.2.6-v5-linux-amd64")).isNotNull();
        assertThat(loader.getResource("redis-server-6.2.7-linux-arm64")).isNotNull();
    }

    @Test
    void launchScriptCarriesTheMarkerAsItsFirstArgument() {
        assertThat(RedisLaunchScript.command("-Dparley.infra.server=/infra/redis",
                Path.of("/bin/redis-server"), List.of("--port", "6379")))
                .containsSubsequence("/bin/sh", "-c", "redis-wrapper", "-Dparley.infra.server=/infra/redis",
                        "/bin/redis-server", "--port", "6379");
    }
}
