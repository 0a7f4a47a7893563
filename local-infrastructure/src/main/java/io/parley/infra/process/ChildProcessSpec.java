package io.parley.infra.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to launch for a server folder.
 *
 * @param name for logs and messages
 * @param command the full command line; it must contain the folder's {@link ServerDirectory#marker()}
 * @param directory working directory and home of the pid file
 * @param outputLog where standard output and error go
 * @param gracefulStop how long a stop waits after SIGTERM before killing forcibly
 * @param recordsPid whether the pid goes to the folder's pid file, so a later run can stop a stale process
 */
public record ChildProcessSpec(
        String name,
        List<String> command,
        ServerDirectory directory,
        Path outputLog,
        Duration gracefulStop,
        boolean recordsPid) {

    public ChildProcessSpec {
        command = List.copyOf(command);
        if (!command.contains(directory.marker())) {
            throw new IllegalArgumentException("command of " + name + " lacks the folder marker " + directory.marker());
        }
    }

    /** A long-running server whose pid is recorded. */
    public static ChildProcessSpec server(String name, List<String> command, ServerDirectory directory,
            Duration gracefulStop) {
        return new ChildProcessSpec(name, command, directory, directory.outputLog(), gracefulStop, true);
    }

    /** A short-lived tool run to completion, such as a storage formatter. */
    public static ChildProcessSpec tool(String name, List<String> command, ServerDirectory directory) {
        return new ChildProcessSpec(name, command, directory, directory.resolve(name + ".log"), Duration.ofSeconds(5),
                false);
    }
}
