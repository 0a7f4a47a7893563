package io.parley.bench.report;

import io.parley.bench.hops.HopRow;
import io.parley.bench.throughput.StepCounts;
import io.parley.bench.throughput.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Result files (JSON, Markdown, SVG) under the output folder, and the lines printed while a run goes on. */
public final class Reports {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private Reports() {
    }

    /** A UTC time stamp for result file names. */
    public static String stamp() {
        return STAMP.format(Instant.now());
    }

    public static String stepLine(StepResult r) {
        StepCounts c = r.counts();
        return String.format(Locale.ROOT, "offered %.0f/s: delivered %.1f/s (%d of %d written, %d sent), "
                + "send->sent p50 %s p99 %s, send->delivered p50 %s p99 %s max %s, lost %d dup %d reorder %d late %d "
                + "unconfirmed %d, errors %s, inbox gaps/repeats so far %d/%d, gen lag p99 %s, gen CPU %.0f%% of a core, "
                + "machine %.0f%% busy",
                r.offeredPerSecond(), c.deliveredPerSecond(), c.delivered(), c.written(), c.sentAcked(),
                ms(c.sendToSent().p50()), ms(c.sendToSent().p99()), ms(c.sendToDelivered().p50()),
                ms(c.sendToDelivered().p99()), ms(c.sendToDelivered().max()), c.lost(), c.duplicated(),
                c.outOfOrder(), c.late(), c.unconfirmed(), r.errorCodes(), r.inboxGaps(), r.inboxRepeats(),
                ms(c.generatorLag().p99()),
                r.generatorCpuPercentOfOneCore(), r.machineBusyPercent());
    }

    public static String throughputTable(List<StepResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("| offered msg/s | delivered msg/s | sent / written | send→sent p50 / p95 / p99 / max ms "
                + "| send→delivered p50 / p95 / p99 / max ms | lost / dup / reorder | errors | generator lag p99 / max ms "
                + "| generator CPU % of a core | machine busy % |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (StepResult r : results) {
            StepCounts c = r.counts();
            md.append(String.format(Locale.ROOT, "| %.0f | %.1f | %d / %d | %s | %s | %d / %d / %d | %s | %s / %s | %.0f | %.0f |%n",
                    r.offeredPerSecond(), c.deliveredPerSecond(), c.sentAcked(), c.written(), four(c.sendToSent()),
                    four(c.sendToDelivered()), c.lost(), c.duplicated(), c.outOfOrder(),
                    r.errorCodes().isEmpty() ? "0" : r.errorCodes().toString(), ms(c.generatorLag().p99()),
                    ms(c.generatorLag().max()), r.generatorCpuPercentOfOneCore(), r.machineBusyPercent()));
        }
        return md.toString();
    }

    public static String hopTable(List<String> stepNames, List<List<HopRow>> hopsPerStep) {
        StringBuilder md = new StringBuilder("| step | timer | count | mean ms | p99 ms (from buckets) |\n|---|---|---|---|---|\n");
        for (int i = 0; i < stepNames.size(); i++) {
            for (HopRow row : hopsPerStep.get(i)) {
                md.append(String.format(Locale.ROOT, "| %s | `%s` | %d | %s | %s |%n", stepNames.get(i), row.series(),
                        row.count(), ms(row.meanMillis()), ms(row.p99Millis())));
            }
        }
        return md.toString();
    }

    public static void writeThroughput(Path out, int pairs, List<URI> gateways, Duration step, Duration drain,
            int size, List<StepResult> results, long lostForGood, long lostThenArrived) {
        String stamp = stamp();
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("scenario", "throughput");
        file.put("at", Instant.now().toString());
        file.put("pairs", pairs);
        file.put("gateways", gateways.stream().map(URI::toString).toList());
        file.put("stepSeconds", step.toMillis() / 1000.0);
        file.put("drainSeconds", drain.toMillis() / 1000.0);
        file.put("bodyBytes", size);
        file.put("steps", results);
        file.put("lostForGood", lostForGood);
        file.put("lostAtStepEndThenArrived", lostThenArrived);
        List<String> names = results.stream().map(r -> String.format(Locale.ROOT, "%.0f/s", r.offeredPerSecond())).toList();
        String table = throughputTable(results);
        String hops = hopTable(names, results.stream().map(StepResult::hops).toList());
        String svg = SvgChart.document(List.of(
                new SvgChart("send→delivered latency", "ms (log)", true, names)
                        .add(new SvgChart.Series("p50", "#1f77b4", values(results, r -> r.counts().sendToDelivered().p50())))
                        .add(new SvgChart.Series("p95", "#ff7f0e", values(results, r -> r.counts().sendToDelivered().p95())))
                        .add(new SvgChart.Series("p99", "#d62728", values(results, r -> r.counts().sendToDelivered().p99())))
                        .add(new SvgChart.Series("sent p99", "#7f7f7f", values(results, r -> r.counts().sendToSent().p99()))),
                new SvgChart("delivered rate", "msg/s", false, names)
                        .add(new SvgChart.Series("offered", "#7f7f7f", values(results, StepResult::offeredPerSecond)))
                        .add(new SvgChart.Series("delivered", "#2ca02c", values(results, r -> r.counts().deliveredPerSecond())))));
        String summary = String.format(Locale.ROOT, "%nLost for good after the final drain: %d; counted lost at their "
                + "step's end but arrived later: %d.%n", lostForGood, lostThenArrived);
        write(out, "throughput-" + stamp, file, "## Throughput\n\n" + table + summary + "\n### Per hop\n\n" + hops,
                svg);
    }

    /** Writes {@code <name>.json}, {@code <name>.md} and, if given, {@code <name>.svg}; prints the Markdown. */
    public static void write(Path out, String name, Object json, String markdown, String svg) {
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve(name + ".json"), JSON.writeValueAsString(json));
            Files.writeString(out.resolve(name + ".md"), markdown);
            if (svg != null) {
                Files.writeString(out.resolve(name + ".svg"), svg);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println();
        System.out.println(markdown);
        System.out.println("Results: " + out.resolve(name + ".json") + (svg != null ? ", " + out.resolve(name + ".svg") : "")
                + ", " + out.resolve(name + ".md"));
    }

    private static double[] values(List<StepResult> results, java.util.function.ToDoubleFunction<StepResult> value) {
        return results.stream().mapToDouble(value).toArray();
    }

    private static String four(Latency l) {
        return ms(l.p50()) + " / " + ms(l.p95()) + " / " + ms(l.p99()) + " / " + ms(l.max());
    }

    public static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis) : String.format(Locale.ROOT, "%.1f", millis);
    }
}
