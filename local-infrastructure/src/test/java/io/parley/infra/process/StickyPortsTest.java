package io.parley.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StickyPortsTest {

    @TempDir
    Path folder;

    @Test
    void recordedPortIsReusedWhileFree() throws IOException {
        Path file = folder.resolve("ports.properties");
        Files.writeString(file, "broker=41001\ncontroller=41002\n");

        Map<String, Integer> ports = StickyPorts.assign(file, List.of("broker", "controller"), port -> true);

        assertThat(ports).containsEntry("broker", 41001).containsEntry("controller", 41002);
    }

    @Test
    void recordedPortTakenMeanwhileIsReplacedAndTheFileUpdated() throws IOException {
        Path file = folder.resolve("ports.properties");
        Files.writeString(file, "broker=41001\n");

        Map<String, Integer> ports = StickyPorts.assign(file, List.of("broker"), port -> port != 41001);

        assertThat(ports.get("broker")).isNotEqualTo(41001).isPositive();
        assertThat(Files.readString(file)).contains("broker=" + ports.get("broker"));
    }

    @Test
    void firstAssignmentGivesDistinctPortsAndRecordsThem() throws IOException {
        Path file = folder.resolve("ports.properties");

        Map<String, Integer> ports = StickyPorts.assign(file, List.of("native", "storage"), port -> true);

        assertThat(ports.get("native")).isNotEqualTo(ports.get("storage"));
        assertThat(Files.readString(file)).contains("native=" + ports.get("native"), "storage=" + ports.get("storage"));
    }

    @Test
    void samePortRecordedTwiceIsUsedOnlyOnce() throws IOException {
        Path file = folder.resolve("ports.properties");
        // Edited by hand, say.
        Files.writeString(file, "a=41005\nb=41005\n");

        Map<String, Integer> ports = StickyPorts.assign(file, List.of("a", "b"), port -> true);

        assertThat(ports.get("a")).isEqualTo(41005);
        assertThat(ports.get("b")).isNotEqualTo(41005);
    }

    @Test
    void garbageInTheFileIsIgnored() throws IOException {
        Path file = folder.resolve("ports.properties");
        Files.writeString(file, "redis=not-a-port\n");

        assertThat(StickyPorts.assign(file, List.of("redis"), port -> true).get("redis")).isBetween(1, 65535);
    }
}
