package io.parley.infra.redis;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@code redis-server} under a small POSIX shell wrapper that gives the native server what the Java
 * watchdog gives child JVMs: the wrapper's standard input is the parent JVM's never-written pipe; a background
 * loop of the {@code read} builtin waits for its end-of-file (the parent died, even by {@code kill -9}) and then
 * stops Redis. SIGTERM or SIGINT to the wrapper (a normal stop) stops Redis too, and the wrapper exits with it.
 *
 * <p>Background jobs of a non-interactive shell read {@code /dev/null}, hence the copy of stdin to descriptor 3.
 */
final class RedisLaunchScript {

    static final String SCRIPT = """
            exec 3<&0
            shift
            "$@" &
            server=$!
            trap 'kill -TERM "$server" 2>/dev/null' TERM INT HUP
            ( while read -r _ <&3; do :; done; kill -TERM "$server" 2>/dev/null ) &
            watcher=$!
            wait "$server"
            wait "$server"
            status=$?
            kill "$watcher" 2>/dev/null
            wait "$watcher"
            exit "$status"
            """;

    private RedisLaunchScript() {
    }

    /**
     * {@code sh -c SCRIPT redis-wrapper <marker> <redis-server> <arguments...>}: the marker is {@code $1}, shifted
     * away before the server command runs; it only tags the wrapper's command line as belonging to the folder.
     */
    static List<String> command(String marker, Path redisServer, List<String> serverArguments) {
        return Stream.of(
                        List.of("/bin/sh", "-c", SCRIPT, "redis-wrapper", marker, redisServer.toString()),
                        serverArguments)
                .flatMap(List::stream)
                .toList();
    }
}
