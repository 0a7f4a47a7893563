package io.parley.bench;

import io.parley.bench.catchup.CatchUpScenario;
import io.parley.bench.groups.GroupFanoutScenario;
import io.parley.bench.idle.IdleScenario;
import io.parley.bench.presence.PresenceFanoutScenario;
import io.parley.bench.presence.PresenceStormScenario;
import io.parley.bench.throughput.ThroughputScenario;
import java.util.Arrays;
import java.util.List;

/** Entry point: {@code bench <throughput|idle|catch-up|presence-fanout|presence-storm|group-fanout> [--option=value ...]} (docs/performance.md). */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            System.out.println("usage: bin/bench <throughput|idle|catch-up|presence-fanout|presence-storm|group-fanout> [--option=value ...]; see docs/performance.md");
            return;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        Options options = new Options(rest);
        try (BenchContext context = new BenchContext(options)) {
            Runnable scenario = switch (args[0]) {
                case "throughput" -> new ThroughputScenario(context, options)::run;
                case "idle" -> new IdleScenario(context, options)::run;
                case "catch-up" -> new CatchUpScenario(context, options)::run;
                case "presence-fanout" -> new PresenceFanoutScenario(context, options)::run;
                case "presence-storm" -> new PresenceStormScenario(context, options)::run;
                case "group-fanout" -> new GroupFanoutScenario(context, options)::run;
                default -> throw new IllegalArgumentException("Unknown scenario " + args[0]
                        + " (throughput, idle, catch-up, presence-fanout, presence-storm, group-fanout)");
            };
            options.rejectUnknown();
            scenario.run();
        }
        System.exit(0);
    }
}
