package io.parley.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used by this process and by the whole machine between two points: the evidence that the generator was not
 * the bottleneck (its own share stays small while the machine is busy with the servers).
 */
public final class CpuMeter {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long wall;
    private long process;
    private long[] machine;

    public CpuMeter() {
        reset();
    }

    public void reset() {
        wall = System.nanoTime();
        process = os.getProcessCpuTime();
        machine = machineJiffies();
    }

    /** This process's CPU since the last reset, as percent of one core. */
    public double processPercentOfOneCore() {
        long elapsed = System.nanoTime() - wall;
        return elapsed > 0 ? 100.0 * (os.getProcessCpuTime() - process) / elapsed : 0;
    }

    /** The machine's busy share since the last reset, percent of all cores (NaN where /proc/stat is missing). */
    public double machineBusyPercent() {
        long[] now = machineJiffies();
        if (now == null || machine == null) {
            return Double.NaN;
        }
        long total = now[0] - machine[0];
        long idle = now[1] - machine[1];
        return total > 0 ? 100.0 * (total - idle) / total : 0;
    }

    private static long[] machineJiffies() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {total, idle};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
