package io.influxspring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end comparison: starts a {@link DiscardingSink} on 127.0.0.1, then runs each
 * contender in a JVM of its own ({@link ContenderRun}), {@code --runs} times round-robin, and
 * prints the median figures. Exits with 1 when a run is invalid: the child failed, the sink
 * counted a different number of lines than the child wrote, or this project's writer dropped,
 * failed or still held lines.
 * <p>
 * Options: {@code --points N} (2,000,000), {@code --runs R} (3), {@code --warmup-seconds S} (20: each
 * child first writes untimed rounds of points for that long), {@code --warmup-points W} (0: when
 * above 0, each child writes W untimed points instead, in rounds of at most N, whatever the
 * seconds; the shape of a batch job that starts cold), {@code --contenders
 * ours,ours-nogzip,official,questdb,raw} (also {@code official-gzip}, {@code ours-block},
 * {@code ours-unbounded}, {@code ours-records}, {@code ours-reuse}, {@code ours-bigbatch},
 * {@code ours-spool} and {@code raw-gzip}), {@code --jvm-args "..."} (for the children,
 * {@value #CHILD_JVM_ARGS} by default), {@code --timeout 600} (seconds per child),
 * {@code --max-other-load 0.25} and {@code --repeats 3}: a run during which other processes used
 * more than that many cores (from {@code /proc/stat}) is repeated, up to that many times;
 * {@code --link-mbit M} (0: loopback as fast as it goes) puts the sink behind a link of M Mbit/s,
 * counted in bytes on the wire (compressed when gzip is on).
 */
public final class EndToEnd {

	/** A fixed, pre-touched heap, so that heap growth and first-touch page faults stay out of the timings. */
	static final String CHILD_JVM_ARGS = "-Xms2g -Xmx2g -XX:+AlwaysPreTouch";

	private EndToEnd() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Options.parse(args,
				Map.of("points", "2000000", "runs", "3", "warmup-seconds", "20", "contenders",
						"ours,ours-nogzip,official,questdb,raw",
						"jvm-args", CHILD_JVM_ARGS, "timeout", "600", "max-other-load", "0.25", "repeats", "3",
						"warmup-points", "0", "link-mbit", "0"));
		int points = Integer.parseInt(options.get("points"));
		int runs = Integer.parseInt(options.get("runs"));
		int warmup = Integer.parseInt(options.get("warmup-seconds"));
		long warmupPoints = Long.parseLong(options.get("warmup-points"));
		List<String> contenders = Arrays.asList(options.get("contenders").split(","));
		List<String> jvmArgs = Arrays.asList(options.get("jvm-args").trim().split("\\s+"));
		long timeout = Long.parseLong(options.get("timeout"));
		double maxOtherLoad = Double.parseDouble(options.get("max-other-load"));
		int repeats = Integer.parseInt(options.get("repeats"));
		long linkMbit = Long.parseLong(options.get("link-mbit"));
		String warmupText = (warmupPoints > 0) ? String.format("%,d points", warmupPoints) : warmup + " s";
		System.out.printf("End-to-end: %,d points (after %s of untimed warm-up), %d runs, contenders %s, child JVM %s%s%n",
				points, warmupText, runs, contenders, jvmArgs,
				(linkMbit > 0) ? ", behind a " + linkMbit + " Mbit/s link" : ", loopback");
		System.out.printf("%s, %d CPUs, Java %s (%s)%n%n", ZonedDateTime.now().withNano(0),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				System.getProperty("java.vm.name"));
		Map<String, List<RunResult>> results = new LinkedHashMap<>();
		contenders.forEach((name) -> results.put(name, new ArrayList<>()));
		boolean allValid = true;
		try (DiscardingSink sink = new DiscardingSink(linkMbit * 1_000_000)) {
			warmUp(sink);
			for (int run = 1; run <= runs; run++) {
				for (String name : contenders) {
					RunResult result = runChild(sink, name, points, warmup, warmupPoints, jvmArgs, timeout);
					for (int repeat = 1; repeat <= repeats && result.valid() && result.otherCores() > maxOtherLoad;
							repeat++) {
						System.out.printf("run %d/%d %s: other processes took %.2f cores, repeating%n", run, runs, name,
								result.otherCores());
						result = runChild(sink, name, points, warmup, warmupPoints, jvmArgs, timeout);
					}
					results.get(name).add(result);
					allValid &= result.valid();
					System.out.printf("run %d/%d %s%n", run, runs, ResultTable.describe(result));
				}
			}
			System.out.println();
			System.out.println("Paths posted to: " + sink.paths());
		}
		System.out.println();
		new ResultTable(results).print(System.out);
		if (!allValid) {
			System.out.println("\nINVALID: at least one run failed or lost lines (see above)");
			System.exit(1);
		}
	}

	private static RunResult runChild(DiscardingSink sink, String name, int points, int warmup, long warmupPoints,
			List<String> jvmArgs, long timeoutSeconds) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), ContenderRun.class.getName(), name,
				Integer.toString(sink.port()), Integer.toString(points), Integer.toString(warmup),
				Long.toString(warmupPoints)));
		DiscardingSink.Counts before = sink.counts();
		Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		List<String> results = new ArrayList<>();
		Thread reader = new Thread(() -> readOutput(child, name, results), name + "-output");
		reader.start();
		if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			child.destroyForcibly().waitFor();
			reader.join();
			return new RunResult(name, KeyValues.parse(""), "timed out after " + timeoutSeconds + " s");
		}
		reader.join();
		String result = results.isEmpty() ? null : results.get(0);
		long counted = sink.counts().minus(before).lines();
		if (child.exitValue() != 0 || result == null) {
			return new RunResult(name, KeyValues.parse(""), "child exited with " + child.exitValue());
		}
		long written = points + KeyValues.parse(result).getLong("warmup");
		KeyValues figures = KeyValues.parse(result + ";linesWritten=" + written + ";sinkTotal=" + counted);
		return new RunResult(name, figures, problem(name, figures, points));
	}

	/**
	 * Why a run is invalid, or {@code null}: this project's writer must report its statistics, with
	 * every line it was offered acknowledged and none dropped, failed or left buffered; the sink must
	 * have counted exactly the lines the contender wrote, warm-up included, and exactly
	 * {@code points} during the timed part.
	 */
	static String problem(String name, KeyValues figures, int points) {
		long written = figures.getLong("linesWritten");
		long counted = figures.getLong("sinkTotal");
		if (name.startsWith("ours")) {
			long offered = figures.getLong("offered", -1);
			if (offered < 0) {
				return "the writer reported no statistics";
			}
			if (figures.getLong("dropped") != 0 || figures.getLong("failed") != 0 || figures.getLong("buffered") != 0) {
				return String.format("the writer dropped %,d lines, failed %,d and still buffers %,d",
						figures.getLong("dropped"), figures.getLong("failed"), figures.getLong("buffered"));
			}
			if (offered != written || figures.getLong("acknowledged") != written) {
				return String.format("the writer was offered %,d lines and acknowledged %,d, the contender wrote %,d",
						offered, figures.getLong("acknowledged"), written);
			}
		}
		if (counted != written) {
			return String.format("the sink counted %,d lines, the contender wrote %,d", counted, written);
		}
		if (figures.getLong("sinkLines") != points) {
			return String.format("the sink counted %,d lines in the timed part, expected %,d",
					figures.getLong("sinkLines"), points);
		}
		return null;
	}

	/** Posts plain and gzip bodies to the sink first, so that no contender pays for compiling it. */
	private static void warmUp(DiscardingSink sink) throws Exception {
		try (Contender plain = new RawCeilingContender(sink.port(), false);
				Contender gzip = new RawCeilingContender(sink.port(), true)) {
			plain.prepare(0, 500_000).run();
			gzip.prepare(0, 250_000).run();
		}
	}

	/** Keeps the result line, passes any other line on to stderr. */
	private static void readOutput(Process child, String name, List<String> results) {
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith(ContenderRun.RESULT_PREFIX)) {
					results.add(line.substring(ContenderRun.RESULT_PREFIX.length()));
				}
				else {
					System.err.println("[" + name + "] " + line);
				}
			}
		}
		catch (IOException ex) {
			System.err.println("[" + name + "] output lost: " + ex);
		}
	}

}
