package io.parley.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalStackOptionsTest {

    @Test
    void withoutOptionsRunsTheQuickStartProfileOnLoopbackOnTheUsualPorts() {
        LocalStackOptions options = LocalStackOptions.parse();

        assertThat(options.profile()).isEqualTo(LocalStackOptions.Profile.QUICK_START);
        assertThat(options.listenOnAllInterfaces()).isFalse();
        assertThat(options.portOffset()).isZero();
        assertThat(options.jvmOptions()).isEmpty();
        assertThat(options.gateways()).isEqualTo(1);
        assertThat(options.chatServices()).isEqualTo(1);
        assertThat(options.help()).isFalse();
        assertThat(options.dataDir()).isEqualTo(Path.of("").toAbsolutePath().resolve("target/local-stack"));
    }

    @Test
    void readsEveryOption() {
        LocalStackOptions options = LocalStackOptions.parse("--repo-root=/repo", "--profile=throughput",
                "--jvm-options= -Xmx1g   -Xlog:gc ", "--listen=all", "--port-offset=1000",
                "--gateways=2", "--chat-services=4");

        assertThat(options.repoRoot()).isEqualTo(Path.of("/repo"));
        assertThat(options.dataDir()).isEqualTo(Path.of("/repo/target/local-stack"));
        assertThat(options.profile()).isEqualTo(LocalStackOptions.Profile.THROUGHPUT);
        assertThat(options.jvmOptions()).containsExactly("-Xmx1g", "-Xlog:gc");
        assertThat(options.listenOnAllInterfaces()).isTrue();
        assertThat(options.portOffset()).isEqualTo(1000);
        assertThat(options.gateways()).isEqualTo(2);
        assertThat(options.chatServices()).isEqualTo(4);
    }

    @Test
    void aDataDirectoryOverridesTheOneUnderTheRepository() {
        assertThat(LocalStackOptions.parse("--repo-root=/repo", "--data-dir=/data").dataDir()).isEqualTo(Path.of("/data"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void asksForHelp(String option) {
        assertThat(LocalStackOptions.parse("--profile=throughput", option).help()).isTrue();
    }

    @Test
    void theHelpNamesEveryOptionTheParserTakes() {
        for (String option : new String[] {"--profile=", "--jvm-options=", "--listen=", "--port-offset=", "--gateways=",
                "--chat-services=", "--data-dir=",
                "--repo-root=", "--help"}) {
            assertThat(LocalStackOptions.USAGE).contains(option);
        }
    }

    @ParameterizedTest
    @MethodSource
    void rejectsABadOptionNamingItAndListingTheValidOnes(String arg, String message) {
        assertThatThrownBy(() -> LocalStackOptions.parse(arg))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .hasMessageContaining("--port-offset=N")
                .hasMessageContaining("--profile=NAME");
    }

    static Stream<Arguments> rejectsABadOptionNamingItAndListingTheValidOnes() {
        return Stream.of(
                // an option nobody knows
                Arguments.of("--gateway=2", "Unknown option --gateway=2"),
                // a known option without its value
                Arguments.of("--profile", "Unknown option --profile"),
                Arguments.of("--profile=bench", "Invalid --profile=bench: use quick-start or throughput"),
                Arguments.of("--listen=0.0.0.0", "Invalid --listen=0.0.0.0: use loopback or all"),
                Arguments.of("--port-offset=-1", "Invalid --port-offset=-1"),
                // 9086 + 60000 is beyond the last port
                Arguments.of("--port-offset=60000", "Invalid --port-offset=60000"),
                Arguments.of("--port-offset=ten", "Invalid --port-offset=ten"),
                // a flag without its dash
                Arguments.of("--jvm-options=-Xmx1g Xlog:gc", "Invalid --jvm-options: Xlog:gc is not a JVM flag"),
                Arguments.of("--data-dir=", "Invalid --data-dir=: give a directory"),
                Arguments.of("--gateways=0", "Invalid --gateways=0: use a whole number from 1 to 4"),
                Arguments.of("--gateways=5", "Invalid --gateways=5: use a whole number from 1 to 4"),
                Arguments.of("--chat-services=two", "Invalid --chat-services=two: use a whole number from 1 to 4"),
                // the largest offset that was valid for one instance of each: the extra instances' ports pass 65535
                Arguments.of("--port-offset=56449", "Invalid --port-offset=56449"));
    }
}
