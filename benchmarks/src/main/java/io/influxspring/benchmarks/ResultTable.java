package io.influxspring.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Prints the medians of each contender's runs as a Markdown table, and the ratios between contenders. */
final class ResultTable {

	private final Map<String, List<RunResult>> runs;

	ResultTable(Map<String, List<RunResult>> runs) {
		this.runs = runs;
	}

	void print(PrintStream out) {
		out.println("| contender | points/s (median) | min - max | wire B/pt | alloc B/pt caller"
				+ " | alloc B/pt all threads | CPU ns/pt | sink CPU ns/pt | peak heap MB | peak live MB | GCs | valid runs |");
		out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		this.runs.forEach((contender, results) -> {
			List<RunResult> valid = results.stream().filter(RunResult::valid).toList();
			if (valid.isEmpty()) {
				out.printf("| %s | invalid | | | | | | | | | | 0/%d |%n", contender, results.size());
				return;
			}
			double[] rates = valid.stream().mapToDouble(RunResult::pointsPerSecond).sorted().toArray();
			out.printf("| %s | %,.0f | %,.0f - %,.0f | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %d/%d |%n",
					contender, median(valid, RunResult::pointsPerSecond), rates[0], rates[rates.length - 1],
					median(valid, (run) -> run.perPoint("wireBytes")), median(valid, (run) -> run.perPoint("callerAlloc")),
					median(valid, (run) -> run.perPoint("allAlloc")), median(valid, (run) -> run.perPoint("cpuNanos")),
					median(valid, (run) -> run.count("sinkCpuPerLine")),
					median(valid, (run) -> run.megabytes("peakHeap")), median(valid, (run) -> run.megabytes("peakLive")),
					median(valid, (run) -> run.count("gcs")), valid.size(), results.size());
		});
		out.println();
		ratio(out, "ours", "official");
		ratio(out, "ours", "questdb");
		ratio(out, "ours", "raw");
		ratio(out, "ours-nogzip", "official");
		ratio(out, "ours-nogzip", "questdb");
	}

	/** The median points/s of a contender's valid runs, or NaN. */
	double medianRate(String contender) {
		List<RunResult> valid = this.runs.getOrDefault(contender, List.of()).stream().filter(RunResult::valid).toList();
		return valid.isEmpty() ? Double.NaN : median(valid, RunResult::pointsPerSecond);
	}

	private void ratio(PrintStream out, String numerator, String denominator) {
		double ratio = medianRate(numerator) / medianRate(denominator);
		if (!Double.isNaN(ratio)) {
			out.printf("%s / %s points/s: %.2f%n", numerator, denominator, ratio);
		}
	}

	static double median(List<RunResult> results, ToDoubleFunction<RunResult> figure) {
		double[] values = results.stream().mapToDouble(figure).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	static String describe(RunResult run) {
		if (!run.valid()) {
			return run.contender() + ": INVALID: " + run.problem();
		}
		StringBuilder text = new StringBuilder(String.format(
				"%s: %,.0f points/s (last call returned at %.0f%% of the time), %.1f wire B/pt, %.0f B/pt"
						+ " allocated by the caller (%.0f by all threads), CPU ns/pt %.0f (caller %.0f, other Java threads"
						+ " %.0f, VM %.0f), peak heap %.0f MB, %d GCs",
				run.contender(), run.pointsPerSecond(), 100.0 * run.count("writeNanos") / run.count("nanos"),
				run.perPoint("wireBytes"), run.perPoint("callerAlloc"), run.perPoint("allAlloc"), run.perPoint("cpuNanos"),
				run.perPoint("callerCpuNanos"), run.perPoint("javaCpuNanos") - run.perPoint("callerCpuNanos"),
				run.perPoint("cpuNanos") - run.perPoint("javaCpuNanos"), run.megabytes("peakHeap"), run.count("gcs")));
		text.append(", sink CPU ").append(run.count("sinkCpuPerLine")).append(" ns/line");
		for (String key : List.of("dropped", "failed", "errors", "backpressure")) {
			if (run.count(key) != 0) {
				text.append(", ").append(key).append(' ').append(run.count(key));
			}
		}
		return text.toString();
	}

}
