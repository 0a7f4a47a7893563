package io.parley.infra.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.infra.ServerStartException;
import io.parley.infra.cassandra.CassandraJava.Sources;
import io.parley.infra.process.FakeJavaHomes;
import io.parley.infra.process.JavaInstallation;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraJavaTest {

    @TempDir
    Path jvmFolder;

    private Path java17;
    private Path java25;
    private JavaInstallation current25;

    @BeforeEach
    void installedRuntimes() throws IOException {
        java17 = FakeJavaHomes.create(jvmFolder, "java-17-openjdk-amd64", "17.0.15");
        java25 = FakeJavaHomes.create(jvmFolder, "temurin-25-jdk-amd64", "25.0.1");
        current25 = new JavaInstallation(java25, 25);
    }

    @Test
    void systemPropertyComesFirst() throws IOException {
        Path other17 = FakeJavaHomes.create(jvmFolder.resolve("custom"), "jdk17", "17.0.2");

        JavaInstallation chosen = CassandraJava.select(new Sources(other17.toString(), java17.toString(), current25,
                jvmFolder));

        assertThat(chosen.home()).isEqualTo(other17);
    }

    @Test
    void environmentVariableComesSecond() {
        assertThat(CassandraJava.select(new Sources(null, java17.toString(), current25, jvmFolder)).home())
                .isEqualTo(java17);
    }

    @Test
    void currentJvmIsUsedWhenItIsA17() {
        JavaInstallation current17 = new JavaInstallation(Path.of("/opt/jdk-17"), 17);

        assertThat(CassandraJava.select(new Sources(null, "", current17, jvmFolder))).isEqualTo(current17);
    }

    @Test
    void otherwiseA17IsFoundInTheJvmFolder() {
        assertThat(CassandraJava.select(new Sources(null, null, current25, jvmFolder)).home()).isEqualTo(java17);
    }

    @Test
    void configuredRuntimeOfAnotherVersionIsRejectedRatherThanIgnored() {
        assertThatThrownBy(() -> CassandraJava.select(new Sources(java25.toString(), null, current25, jvmFolder)))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("parley.infra.cassandra.java-home")
                .hasMessageContaining("Java 25");
    }

    @Test
    void configuredFolderThatIsNoJavaHomeIsRejected() {
        assertThatThrownBy(() -> CassandraJava.select(new Sources(null, "/nowhere", current25, jvmFolder)))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("CASSANDRA_JAVA_HOME")
                .hasMessageContaining("/nowhere");
    }

    @Test
    void withoutAny17TheMessageSaysHowToFixIt() {
        Path empty = jvmFolder.resolve("custom-empty");

        assertThatThrownBy(() -> CassandraJava.select(new Sources(null, null, current25, empty)))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("needs Java 17")
                .hasMessageContaining("apt-get install -y openjdk-17-jdk-headless")
                .hasMessageContaining("-Dparley.infra.cassandra.java-home");
    }
}
