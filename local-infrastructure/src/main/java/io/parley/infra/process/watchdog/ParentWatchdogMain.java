package io.parley.infra.process.watchdog;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM: {@code ParentWatchdogMain <real main class> [args...]}.
 *
 * <p>The parent keeps the child's standard input open and never writes to it. When the parent dies, however it
 * dies (including {@code kill -9}), the operating system closes that pipe, this class reads end-of-file and halts
 * the child, so no server outlives the JVM that started it. Halting skips shutdown hooks on purpose: nobody is
 * left to wait for a graceful stop.
 *
 * <p>This package depends on nothing but the JDK, because the parent puts only its own code location on the
 * child's classpath in front of the server's.
 */
public final class ParentWatchdogMain {

    /** Exit status of a child halted because its parent is gone. */
    public static final int PARENT_GONE_STATUS = 86;

    private ParentWatchdogMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ParentWatchdogMain <main class> [arguments...]");
            System.exit(2);
        }
        startWatchdog();
        invokeMain(args[0], Arrays.copyOfRange(args, 1, args.length));
    }

    private static void startWatchdog() {
        Thread watchdog = new Thread(ParentWatchdogMain::haltWhenStdinCloses, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void haltWhenStdinCloses() {
        InputStream stdin = System.in;
        byte[] ignored = new byte[64];
        try {
            while (stdin.read(ignored) != -1) {
                // The parent never writes; anything read is discarded.
            }
        } catch (IOException e) {
            // Someone closed System.in inside this JVM: the parent may be alive, so do not halt.
            System.err.println("parent-watchdog: cannot watch standard input any more: " + e);
            return;
        }
        System.err.println("parent-watchdog: parent process is gone (standard input closed), halting");
        System.err.flush();
        Runtime.getRuntime().halt(PARENT_GONE_STATUS);
    }

    private static void invokeMain(String mainClassName, String[] mainArgs) throws Throwable {
        Class<?> mainClass = Class.forName(mainClassName, true, ClassLoader.getSystemClassLoader());
        Method main = mainClass.getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) mainArgs);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
