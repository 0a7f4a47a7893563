package io.parley.bench.idle;

import io.parley.bench.hops.PrometheusText;
import io.parley.bench.net.HttpResult;
import io.parley.bench.net.SimpleHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's memory: resident set from /proc/&lt;pid&gt;/status and live heap after a full GC through jcmd when the
 * process is on this machine; otherwise heap in use from its actuator metrics (no GC can be requested remotely,
 * so that figure includes garbage) and no RSS.
 */
public final class GatewayMemory {

    /** Bytes; NaN when unknown. {@code liveHeap} says whether a GC ran just before reading the heap. */
    public record Reading(double rssBytes, double heapBytes, boolean liveHeap) {
    }

    private static final Pattern USED = Pattern.compile("\\bused (\\d+)([KMG])");

    private final Long pid;
    private final SimpleHttp http;
    private final URI metrics;

    public GatewayMemory(Long pid, SimpleHttp http, URI metrics) {
        this.pid = pid;
        this.http = http;
        this.metrics = metrics;
    }

    public Reading read() {
        if (pid != null) {
            jcmd("GC.run");
            return new Reading(rssBytes(pid), heapUsedBytes(jcmd("GC.heap_info")), true);
        }
        return new Reading(Double.NaN, actuatorHeapBytes(), false);
    }

    /** Sum of the heap's "used NNNK" figures in {@code jcmd GC.heap_info} output, Metaspace excluded. */
    static double heapUsedBytes(String heapInfo) {
        double used = 0;
        boolean found = false;
        for (String line : heapInfo.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Metaspace") || trimmed.startsWith("class space")) {
                continue;
            }
            Matcher m = USED.matcher(trimmed);
            if (m.find()) {
                found = true;
                long value = Long.parseLong(m.group(1));
                used += value * switch (m.group(2)) {
                    case "K" -> 1024L;
                    case "M" -> 1024L * 1024;
                    default -> 1024L * 1024 * 1024;
                };
            }
        }
        return found ? used : Double.NaN;
    }

    /** VmRSS of /proc/&lt;pid&gt;/status text, in bytes. */
    static double rssFromStatus(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
            }
        }
        return Double.NaN;
    }

    private static double rssBytes(long pid) {
        try {
            return rssFromStatus(Files.readString(Path.of("/proc/" + pid + "/status")));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + pid + "/status", e);
        }
    }

    private String jcmd(String command) {
        try {
            Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd is needed for --gateway-pid (a JDK's bin on PATH)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double actuatorHeapBytes() {
        HttpResult result = http.getNow(metrics);
        List<PrometheusText.Sample> samples = PrometheusText.parse(result.body());
        return samples.stream()
                .filter(s -> s.name().equals("jvm_memory_used_bytes") && "heap".equals(s.labels().get("area")))
                .mapToDouble(PrometheusText.Sample::value).sum();
    }
}
