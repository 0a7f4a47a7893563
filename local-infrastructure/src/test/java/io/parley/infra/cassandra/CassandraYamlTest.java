package io.parley.infra.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.infra.ServerProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class CassandraYamlTest {

    private final CassandraYaml yaml = new CassandraYaml(19042, 17000, Path.of("/data/it's/cassandra"),
            ServerProfile.QUICK_START);

    @Test
    void nodeListensOnLoopbackWithItsOwnPortsAndSeedsItself() {
        Map<String, Object> config = parse();

        assertThat(config).containsEntry("listen_address", "127.0.0.1")
                .containsEntry("rpc_address", "127.0.0.1")
                .containsEntry("native_transport_port", 19042)
                .containsEntry("storage_port", 17000)
                .containsEntry("num_tokens", 1)
                .containsEntry("endpoint_snitch", "SimpleSnitch");
        assertThat(config.get("seed_provider").toString()).contains("seeds=127.0.0.1:17000");
    }

    @Test
    void allDirectoriesLiveUnderTheDataRootEvenWithQuotesInThePath() {
        Map<String, Object> config = parse();

        assertThat(config.get("data_file_directories")).isEqualTo(List.of("/data/it's/cassandra/data"));
        assertThat(config).containsEntry("commitlog_directory", "/data/it's/cassandra/commitlog")
                .containsEntry("saved_caches_directory", "/data/it's/cassandra/saved_caches")
                .containsEntry("hints_directory", "/data/it's/cassandra/hints")
                .containsEntry("cdc_raw_directory", "/data/it's/cassandra/cdc_raw");
    }

    @Test
    void droppedTestKeyspacesLeaveNoSnapshots() {
        assertThat(parse()).containsEntry("auto_snapshot", false);
    }

    @Test
    void memoryIsSizedForASmallHeap() {
        assertThat(parse()).containsEntry("memtable_heap_space", "64MiB")
                .containsEntry("commitlog_sync", "periodic");
    }

    @Test
    void underLoadMemtablesAreLargerAndTheRequestPoolSmaller() {
        CassandraYaml throughput = new CassandraYaml(19042, 17000, Path.of("/data"), ServerProfile.THROUGHPUT);

        assertThat(parse(throughput)).containsEntry("memtable_heap_space", "256MiB")
                .containsEntry("memtable_offheap_space", "256MiB")
                .containsEntry("native_transport_max_threads", 16);
        assertThat(parse()).containsEntry("native_transport_max_threads", 128);
    }

    private Map<String, Object> parse() {
        return parse(yaml);
    }

    private static Map<String, Object> parse(CassandraYaml yaml) {
        return new Yaml().load(yaml.toYaml());
    }
}
