package io.parley.infra.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.infra.ServerProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraJvmOptionsTest {

    private final List<String> options = CassandraJvmOptions.forNode(ServerProfile.QUICK_START, Path.of("/m2/jamm-0.4.0.jar"),
            Path.of("/infra/cassandra/conf/cassandra.yaml"), Path.of("/infra/cassandra/conf/logback.xml"),
            Path.of("/infra/cassandra/data"), Path.of("/infra/cassandra/logs"));

    @Test
    void jammAgentAndConfigurationFilesArePassed() {
        assertThat(options).contains("-javaagent:/m2/jamm-0.4.0.jar",
                "-Dcassandra.config=file:///infra/cassandra/conf/cassandra.yaml",
                "-Dlogback.configurationFile=/infra/cassandra/conf/logback.xml",
                "-Dcassandra.logdir=/infra/cassandra/logs",
                "-Dcassandra-foreground=yes",
                "-Xmx512m", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void theThroughputProfileRunsTheFullCompilerOnALargerHeap() {
        List<String> throughput = CassandraJvmOptions.forNode(ServerProfile.THROUGHPUT, Path.of("/m2/jamm-0.4.0.jar"),
                Path.of("/c.yaml"), Path.of("/logback.xml"), Path.of("/data"), Path.of("/logs"));

        assertThat(throughput).contains("-Xmx1g").doesNotContain("-XX:TieredStopAtLevel=1", "-Xmx512m");
    }

    @Test
    void moduleAccessOfJava17IsGrantedInPairs() {
        assertThat(options).containsSequence("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED");
        assertThat(options).containsSequence("--add-opens", "java.base/java.lang=ALL-UNNAMED");
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).startsWith("--add-")) {
                assertThat(options.get(i + 1)).endsWith("=ALL-UNNAMED");
            }
        }
    }
}
