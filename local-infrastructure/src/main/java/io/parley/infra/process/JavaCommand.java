package io.parley.infra.process;

import io.parley.infra.process.watchdog.ParentWatchdogMain;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command line of a child JVM running {@code mainClass} on a server's classpath, wrapped in
 * {@link ParentWatchdogMain} so it dies with its parent.
 */
public record JavaCommand(
        JavaInstallation java,
        List<String> jvmOptions,
        ServerClasspath classpath,
        String mainClass,
        List<String> arguments) {

    public JavaCommand {
        jvmOptions = List.copyOf(jvmOptions);
        arguments = List.copyOf(arguments);
    }

    /**
     * The full command line. The directory marker comes first: the Linux kernel and {@code ProcessHandle} may
     * truncate long command lines, and the marker must survive that.
     */
    public List<String> commandLine(ServerDirectory directory) {
        List<String> command = new ArrayList<>();
        command.add(java.executable().toString());
        command.add(directory.marker());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpathString());
        command.add(ParentWatchdogMain.class.getName());
        command.add(mainClass);
        command.addAll(arguments);
        return List.copyOf(command);
    }

    private String classpathString() {
        return Stream.concat(Stream.of(watchdogLocation()), classpath.entries().stream())
                .map(Path::toString)
                .reduce((left, right) -> left + File.pathSeparator + right)
                .orElseThrow();
    }

    /** The jar (or classes folder) holding the watchdog; it has no dependencies, so nothing else comes along. */
    static Path watchdogLocation() {
        try {
            return Path.of(ParentWatchdogMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate " + ParentWatchdogMain.class.getName(), e);
        }
    }
}
