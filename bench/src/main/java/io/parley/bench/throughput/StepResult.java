package io.parley.bench.throughput;

import io.parley.bench.hops.HopRow;
import java.util.List;
import java.util.Map;

/** One rate step as printed and written: the offered rate, what happened, and the load the generator put on itself. */
public record StepResult(double offeredPerSecond, double seconds, StepCounts counts, Map<String, Long> errorCodes,
        long inboxGaps, long inboxRepeats, double generatorCpuPercentOfOneCore, double machineBusyPercent,
        List<HopRow> hops) {
}
