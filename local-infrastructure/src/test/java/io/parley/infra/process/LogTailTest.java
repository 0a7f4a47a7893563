package io.parley.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path folder;

    @Test
    void lastLinesOfALongLog() throws IOException {
        Path log = folder.resolve("process.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 98", "line 99", "line 100");
    }

    @Test
    void shortLogIsQuotedWhole() throws IOException {
        Path log = Files.writeString(folder.resolve("process.log"), "only line");

        assertThat(LogTail.lastLines(log, 30)).containsExactly("only line");
    }

    @Test
    void missingLogIsSaidSoInsteadOfFailing() {
        assertThat(LogTail.describe(folder.resolve("absent.log"), 30)).contains("cannot read", "absent.log");
    }
}
