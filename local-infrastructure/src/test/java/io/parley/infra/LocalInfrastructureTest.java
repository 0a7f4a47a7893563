package io.parley.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LocalInfrastructureTest {

    @Test
    void startsAllServersDescribesThemWithoutSecretsAndStopsThemOnClose() {
        List<LocalServer> servers;
        try (LocalInfrastructure infrastructure =
                LocalInfrastructure.start(InfrastructureDirectory.defaultBaseDirectory().resolve("all"))) {
            servers = infrastructure.servers();
            assertThat(servers).allMatch(LocalServer::isRunning);

            String description = infrastructure.describe().toString();

            assertThat(description)
                    .contains("bootstrap.servers=" + infrastructure.kafka().bootstrapServers())
                    .contains("contact-point=127.0.0.1:" + infrastructure.cassandra().contactPoint().getPort())
                    .contains("local-datacenter=datacenter1")
                    .contains(infrastructure.redis().uri())
                    .contains("endpoint=" + infrastructure.s3().endpoint())
                    .doesNotContain(infrastructure.s3().secretKey());
        }
        assertThat(servers).noneMatch(LocalServer::isRunning);
    }
}
