package io.parley.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaInstallationTest {

    @TempDir
    Path jvmFolder;

    @Test
    void featureVersionOfModernAndLegacyVersionStrings() {
        assertThat(JavaInstallation.featureVersionOf("17.0.15")).isEqualTo(OptionalInt.of(17));
        assertThat(JavaInstallation.featureVersionOf("25")).isEqualTo(OptionalInt.of(25));
        assertThat(JavaInstallation.featureVersionOf("21-ea")).isEqualTo(OptionalInt.of(21));
        assertThat(JavaInstallation.featureVersionOf("1.8.0_392")).isEqualTo(OptionalInt.of(8));
        assertThat(JavaInstallation.featureVersionOf("unknown")).isEmpty();
    }

    @Test
    void inspectReadsTheReleaseFile() throws IOException {
        Path home = FakeJavaHomes.create(jvmFolder, "java-17-openjdk-amd64", "17.0.15");

        assertThat(JavaInstallation.inspect(home)).hasValue(new JavaInstallation(home, 17));
    }

    @Test
    void folderWithoutExecutableJavaIsNotAnInstallation() throws IOException {
        Path home = Files.createDirectories(jvmFolder.resolve("not-a-jdk"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.1\"\n");

        assertThat(JavaInstallation.inspect(home)).isEmpty();
    }

    @Test
    void findAllListsInstallationsInNameOrder() throws IOException {
        FakeJavaHomes.create(jvmFolder, "temurin-25-jdk-amd64", "25.0.1");
        FakeJavaHomes.create(jvmFolder, "java-17-openjdk-amd64", "17.0.15");
        Files.createDirectories(jvmFolder.resolve("empty"));

        assertThat(JavaInstallation.findAll(jvmFolder))
                .extracting(JavaInstallation::featureVersion)
                .containsExactly(17, 25);
    }

    @Test
    void currentIsThisJvm() {
        assertThat(JavaInstallation.current().featureVersion()).isEqualTo(Runtime.version().feature());
        assertThat(JavaInstallation.current().executable()).isExecutable();
    }
}
