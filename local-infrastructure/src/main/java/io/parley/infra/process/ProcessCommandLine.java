package io.parley.infra.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arguments of a running process. On Linux they come whole from {@code /proc/<pid>/cmdline}:
 * {@code ProcessHandle.Info} truncates command lines at 4 KiB and gives no arguments for them.
 */
final class ProcessCommandLine {

    private ProcessCommandLine() {
    }

    static List<String> arguments(ProcessHandle process) {
        Path procCmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        if (Files.isReadable(procCmdline)) {
            try {
                return splitOnNul(Files.readAllBytes(procCmdline));
            } catch (IOException e) {
                // The process may have exited meanwhile; fall back to what the JDK knows.
            }
        }
        return fromProcessInfo(process.info());
    }

    static boolean contains(ProcessHandle process, String argument) {
        return arguments(process).contains(argument);
    }

    private static List<String> splitOnNul(byte[] cmdline) {
        List<String> arguments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                arguments.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            arguments.add(new String(cmdline, start, cmdline.length - start, StandardCharsets.UTF_8));
        }
        return arguments;
    }

    private static List<String> fromProcessInfo(ProcessHandle.Info info) {
        List<String> arguments = new ArrayList<>();
        info.command().ifPresent(arguments::add);
        info.arguments().ifPresentOrElse(
                args -> arguments.addAll(Arrays.asList(args)),
                () -> info.commandLine().ifPresent(line -> arguments.addAll(Arrays.asList(line.split(" ")))));
        return arguments;
    }
}
