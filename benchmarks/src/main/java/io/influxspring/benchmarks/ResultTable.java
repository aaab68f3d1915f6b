package io.influxspring.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Prints the medians of each contender's valid runs as a Markdown table, and the ratios between contenders. */
final class ResultTable {

	private static final List<Column> COLUMNS = List.of(
			new Column("wire B/pt", "%.1f", (run) -> run.perPoint("wireBytes")),
			new Column("alloc B/pt caller", "%.0f", (run) -> run.perPoint("callerAlloc")),
			new Column("alloc B/pt all threads", "%.0f", (run) -> run.perPoint("allAlloc")),
			new Column("CPU ns/pt", "%.0f", (run) -> run.perPoint("cpuNanos")),
			new Column("sink CPU ns/pt", "%.0f", (run) -> run.perPoint("sinkCpuNanos")),
			new Column("peak heap MB", "%.0f", (run) -> run.megabytes("peakHeap")),
			new Column("peak live MB", "%.0f", (run) -> run.megabytes("peakLive")),
			new Column("GCs", "%.0f", (run) -> run.count("gcs")),
			new Column("other load", "%.2f", RunResult::otherCores));

	private final Map<String, List<RunResult>> runs;

	ResultTable(Map<String, List<RunResult>> runs) {
		this.runs = runs;
	}

	void print(PrintStream out) {
		StringBuilder header = new StringBuilder("| contender | points/s (median) | min - max |");
		StringBuilder rule = new StringBuilder("| --- | ---: | ---: |");
		for (Column column : COLUMNS) {
			header.append(' ').append(column.header()).append(" |");
			rule.append(" ---: |");
		}
		out.println(header.append(" valid runs |"));
		out.println(rule.append(" ---: |"));
		this.runs.forEach((contender, results) -> {
			List<RunResult> valid = results.stream().filter(RunResult::valid).toList();
			StringBuilder row = new StringBuilder("| ").append(contender).append(" |");
			if (valid.isEmpty()) {
				row.append(" invalid |").append(" |".repeat(COLUMNS.size() + 1));
			}
			else {
				double[] rates = valid.stream().mapToDouble(RunResult::pointsPerSecond).sorted().toArray();
				row.append(String.format(" %,.0f | %,.0f - %,.0f |", median(valid, RunResult::pointsPerSecond), rates[0],
						rates[rates.length - 1]));
				for (Column column : COLUMNS) {
					row.append(' ').append(String.format(column.format(), median(valid, column.figure()))).append(" |");
				}
			}
			out.println(row.append(' ').append(valid.size()).append('/').append(results.size()).append(" |"));
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

	/** One run on one line: the figures, where the CPU went and what was lost, or why it is invalid. */
	static String describe(RunResult run) {
		if (!run.valid()) {
			return run.contender() + ": INVALID: " + run.problem() + lines(run);
		}
		StringBuilder text = new StringBuilder(String.format(
				"%s: %,.0f points/s (last call returned at %.0f%% of the time), %.1f wire B/pt, %.0f B/pt"
						+ " allocated by the caller (%.0f by all threads), CPU ns/pt %.0f (caller %.0f, other Java threads"
						+ " %.0f, VM %.0f), peak heap %.0f MB, %d GCs (%d ms), JIT %d ms",
				run.contender(), run.pointsPerSecond(), 100.0 * run.count("writeNanos") / run.count("nanos"),
				run.perPoint("wireBytes"), run.perPoint("callerAlloc"), run.perPoint("allAlloc"), run.perPoint("cpuNanos"),
				run.perPoint("callerCpuNanos"), run.perPoint("javaCpuNanos") - run.perPoint("callerCpuNanos"),
				run.perPoint("cpuNanos") - run.perPoint("javaCpuNanos"), run.megabytes("peakHeap"), run.count("gcs"),
				run.count("gcMillis"), run.count("jitMillis")));
		for (String key : List.of("dropped", "failed", "errors", "backpressure")) {
			if (run.count(key) != 0) {
				text.append(", ").append(key).append(' ').append(run.count(key));
			}
		}
		text.append(String.format(", sink CPU %.0f ns/pt, other processes %.2f cores", run.perPoint("sinkCpuNanos"),
				run.otherCores()));
		text.append(String.format(", timed at JVM uptime %d-%d ms", run.count("timedFromUptime"),
				run.count("timedToUptime")));
		text.append(lines(run));
		String busy = run.figures().get("busyThreads", "");
		if (!busy.isEmpty()) {
			text.append("; busiest other threads (CPU ns/pt):");
			for (String thread : busy.split(",")) {
				int colon = thread.lastIndexOf(':');
				text.append(String.format(" %s %.0f", thread.substring(0, colon),
						Long.parseLong(thread.substring(colon + 1)) / (double) run.points()));
			}
		}
		return text.toString();
	}

	/** The lines the sink counted against those written, warm-up included, and the writer's own counts. */
	private static String lines(RunResult run) {
		long written = run.count("linesWritten");
		if (written == 0) {
			return "";
		}
		StringBuilder text = new StringBuilder(String.format("; lines delivered %,d of %,d written", run.count("sinkTotal"),
				written));
		if (run.figures().get("offered", null) != null) {
			text.append(String.format(" (writer: offered %,d, acknowledged %,d, dropped %,d, failed %,d, buffered %,d)",
					run.count("offered"), run.count("acknowledged"), run.count("dropped"), run.count("failed"),
					run.count("buffered")));
		}
		return text.toString();
	}

	/** A column of the table: a median of one figure of the runs. */
	private record Column(String header, String format, ToDoubleFunction<RunResult> figure) {
	}

}
