package io.parley.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The pid of a server, kept in its folder so that a later run can find a process an earlier run left behind. */
final class PidFile {

    private PidFile() {
    }

    static void write(Path file, long pid) {
        try {
            Files.writeString(file, pid + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pid file " + file, e);
        }
    }

    static OptionalLong read(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? OptionalLong.of(Long.parseLong(Files.readString(file).trim()))
                    : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Deletes the file if it still names {@code pid}: a server that replaced ours has written its own. */
    static void deleteIfRecords(Path file, long pid) {
        OptionalLong recorded = read(file);
        if (recorded.isPresent() && recorded.getAsLong() == pid) {
            delete(file);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete pid file " + file, e);
        }
    }
}
