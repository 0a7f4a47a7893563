package io.parley.localstack;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the watchdog main class (shipped by local-infrastructure) lives, to put it on a child's classpath. */
final class ParentWatchdog {

    static final String MAIN_CLASS = "io.parley.infra.process.watchdog.ParentWatchdogMain";

    private ParentWatchdog() {
    }

    static Path classpath() {
        try {
            Class<?> watchdog = Class.forName(MAIN_CLASS);
            return Path.of(watchdog.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("The parent watchdog " + MAIN_CLASS + " is not on the classpath", e);
        }
    }
}
