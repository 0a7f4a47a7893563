package io.parley.infra.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntPredicate;

/**
 * Ports a server keeps from one run to the next, recorded in a file of its folder. A recorded port is reused
 * while it is free, so a restarted server (or the next local run) has the same address; a port that something
 * else took meanwhile is replaced by a fresh one.
 */
public final class StickyPorts {

    private StickyPorts() {
    }

    /** One port per name, in the order given. */
    public static Map<String, Integer> assign(Path file, List<String> names) {
        return assign(file, names, FreePorts::isFree);
    }

    static Map<String, Integer> assign(Path file, List<String> names, IntPredicate isFree) {
        Properties recorded = read(file);
        Map<String, Integer> assigned = new LinkedHashMap<>();
        for (String name : names) {
            Integer previous = parsePort(recorded.getProperty(name));
            int port = previous != null && !assigned.containsValue(previous) && isFree.test(previous)
                    ? previous
                    : FreePorts.allocate();
            FreePorts.claim(port);
            assigned.put(name, port);
        }
        write(file, assigned);
        return Map.copyOf(assigned);
    }

    private static Integer parsePort(String value) {
        if (value == null) {
            return null;
        }
        try {
            int port = Integer.parseInt(value.trim());
            return port > 0 && port < 65536 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    private static void write(Path file, Map<String, Integer> ports) {
        Properties properties = new Properties();
        ports.forEach((name, port) -> properties.setProperty(name, Integer.toString(port)));
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "Ports of this server, reused by its next start while they are free");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
