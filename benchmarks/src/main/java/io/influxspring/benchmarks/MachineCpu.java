package io.influxspring.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time of this JVM, and of the whole machine from {@code /proc/stat} (Linux), so that a run can
 * tell how much CPU other processes took from it.
 */
final class MachineCpu {

	/** {@code /proc/stat} counts in 1/100 s (USER_HZ on Linux). */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private MachineCpu() {
	}

	static long processNanos() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** Busy CPU time of all cores since boot (user, nice, system, irq, softirq, steal), or -1 if unknown. */
	static long machineBusyNanos() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long busy = 0;
			for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) {
				busy += Long.parseLong(fields[i]);
			}
			return busy * NANOS_PER_TICK;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
