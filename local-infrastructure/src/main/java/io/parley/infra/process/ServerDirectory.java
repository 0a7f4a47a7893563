package io.parley.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of one server: its data, configuration, logs and pid file.
 *
 * <p>The {@link #marker()} goes on the command line of every process launched for this folder. It is how a later
 * run recognises a stale process as ours before killing it: a recycled pid belongs to some other command line.
 */
public record ServerDirectory(Path root) {

    public ServerDirectory {
        root = root.toAbsolutePath().normalize();
    }

    public Path pidFile() {
        return root.resolve("server.pid");
    }

    /** Standard output and error of the server process. */
    public Path outputLog() {
        return root.resolve("process.log");
    }

    /** A token unique to this folder, present on the command line of the processes launched for it. */
    public String marker() {
        return "-Dparley.infra.server=" + root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** Creates (if needed) and returns a sub-folder. */
    public Path createDirectories(String relative) {
        Path directory = root.resolve(relative);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    public ServerDirectory create() {
        createDirectories(".");
        return this;
    }
}
