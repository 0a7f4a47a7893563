package io.parley.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name=value} or {@code --name value} options; every option read must be declared, unknown ones fail. */
public final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    public Options(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Expected --option, got " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                values.put(arg.substring(2), args.get(++i));
            } else {
                values.put(arg.substring(2), "true");
            }
        }
    }

    public String string(String name, String fallback) {
        used.add(name);
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return Integer.parseInt(string(name, Integer.toString(fallback)).replace("_", ""));
    }

    public double decimal(String name, double fallback) {
        return Double.parseDouble(string(name, Double.toString(fallback)));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(string(name, "false"));
    }

    public boolean has(String name) {
        used.add(name);
        return values.containsKey(name);
    }

    /** Seconds, or a number with a unit: 500ms, 30s, 5m. */
    public Duration duration(String name, String fallback) {
        String text = string(name, fallback).trim();
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("m")) {
            return Duration.ofMillis((long) (Double.parseDouble(text.substring(0, text.length() - 1)) * 60_000));
        }
        if (text.endsWith("s")) {
            text = text.substring(0, text.length() - 1);
        }
        return Duration.ofMillis((long) (Double.parseDouble(text) * 1000));
    }

    public List<String> list(String name, String fallback) {
        String text = string(name, fallback);
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
    }

    public List<URI> uris(String name, String fallback) {
        return list(name, fallback).stream().map(URI::create).toList();
    }

    public Path path(String name, String fallback) {
        return Path.of(string(name, fallback));
    }

    /** Fails naming any option given but never read (a typo would otherwise be silently ignored). */
    public void rejectUnknown() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s): " + unknown);
        }
    }
}
