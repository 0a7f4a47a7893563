package io.parley.infra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.infra.ServerStartException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerClasspathTest {

    @TempDir
    Path repository;

    @Test
    void parseSplitsOnThePathSeparatorAndIgnoresBlankEntriesAndLineBreaks() {
        String content = "/m2/a.jar" + File.pathSeparator + File.pathSeparator + "/m2/jamm-0.4.0.jar\n";

        ServerClasspath classpath = ServerClasspath.parse("cassandra", content);

        assertThat(classpath.entries()).containsExactly(Path.of("/m2/a.jar"), Path.of("/m2/jamm-0.4.0.jar"));
        assertThat(classpath.jarNamed("jamm-")).isEqualTo(Path.of("/m2/jamm-0.4.0.jar"));
    }

    @Test
    void missingJarIsReportedWithTheRebuildCommand() throws IOException {
        Path present = Files.createFile(repository.resolve("present.jar"));
        String content = present + File.pathSeparator + repository.resolve("gone.jar");

        assertThatThrownBy(() -> ServerClasspath.parse("kafka", content).requireAllPresent())
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("gone.jar")
                .hasMessageContaining("mvn -pl local-infrastructure-servers/kafka -am install");
    }

    @Test
    void emptyClasspathIsRejected() {
        assertThatThrownBy(() -> ServerClasspath.parse("s3proxy", "\n").requireAllPresent())
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void unknownJarNameIsReported() {
        assertThatThrownBy(() -> ServerClasspath.parse("cassandra", "/m2/a.jar").jarNamed("jamm-"))
                .hasMessageContaining("jamm-*");
    }

    @Test
    void everyServerModuleShipsAClasspathWhoseJarsExist() {
        assertThat(ServerClasspath.load("kafka").jarNamed("kafka_2.13-")).exists();
        assertThat(ServerClasspath.load("cassandra").jarNamed("cassandra-all-")).exists();
        assertThat(ServerClasspath.load("s3proxy").jarNamed("s3proxy-")).exists();
    }

    @Test
    void unknownServerNamesTheMissingDependency() {
        assertThatThrownBy(() -> ServerClasspath.load("postgres"))
                .hasMessageContaining("io.parley:postgres-server-classpath");
    }
}
