package io.parley.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KafkaBrokerConfigTest {

    private final KafkaBrokerConfig config = new KafkaBrokerConfig(19092, 19093, Path.of("/infra/kafka/logs"));

    @Test
    void singleNodeIsBrokerAndControllerOnLoopback() throws IOException {
        Properties properties = load();

        assertThat(properties.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(properties.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(properties.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void topicsAreNeverCreatedImplicitly() throws IOException {
        assertThat(load().getProperty("auto.create.topics.enable")).isEqualTo("false");
    }

    @Test
    void internalTopicsFitASingleBroker() throws IOException {
        Properties properties = load();

        assertThat(properties.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(properties.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(properties.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(properties.getProperty("min.insync.replicas")).isEqualTo("1");
    }

    @Test
    void logDirectoryIsTheServersOwn() throws IOException {
        assertThat(load().getProperty("log.dirs")).isEqualTo("/infra/kafka/logs");
    }

    @Test
    void clusterIdsLookLikeKafkas() {
        assertThat(KafkaStorage.randomClusterId()).matches("[A-Za-z0-9_-]{22}")
                .isNotEqualTo(KafkaStorage.randomClusterId());
    }

    @Test
    void clusterIdsNeverStartWithADashTheToolWouldReadAsAnOption() {
        // One random id in 64 starts with '-': 2,000 draws all miss it by chance once in ~10^14.
        assertThat(IntStream.range(0, 2_000).mapToObj(i -> KafkaStorage.randomClusterId()))
                .noneMatch(id -> id.startsWith("-"));
    }

    private Properties load() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(config.toPropertiesText()));
        return properties;
    }
}
