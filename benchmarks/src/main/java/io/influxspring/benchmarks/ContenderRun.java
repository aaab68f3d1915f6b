package io.influxspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child JVM of {@link EndToEnd}: runs one contender against the sink, first in untimed rounds of
 * {@code points} points, the same work as the timed part, for {@code warmup seconds} (so that the JIT
 * compiler is done with the per-request code, as in a long-running application), then
 * {@code points} points timed, and prints one line {@code RESULT key=value;...} on stdout. With
 * {@code warmup points} above 0, the warm-up is that many points instead (in rounds of at most
 * {@code points}, each flushed), whatever the seconds.
 * <p>
 * Usage: {@code ContenderRun <contender> <sink port> <points> <warmup seconds> [<warmup points>]}.
 */
public final class ContenderRun {

	static final String RESULT_PREFIX = "RESULT ";

	private ContenderRun() {
	}

	public static void main(String[] args) throws Exception {
		String name = args[0];
		int port = Integer.parseInt(args[1]);
		int points = Integer.parseInt(args[2]);
		long warmupNanos = Long.parseLong(args[3]) * 1_000_000_000L;
		long warmupPoints = (args.length > 4) ? Long.parseLong(args[4]) : 0;
		RunMetrics metrics = new RunMetrics();
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		URI stats = URI.create("http://127.0.0.1:" + port + DiscardingSink.STATS_PATH);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("contender", name);
		result.put("points", points);
		try (Contender contender = Contender.create(name, port, points)) {
			long warmup = 0;
			if (warmupPoints > 0) {
				while (warmup < warmupPoints) {
					int round = (int) Math.min(points, warmupPoints - warmup);
					contender.prepare(warmup, round).run();
					warmup += round;
				}
			}
			else {
				for (long start = System.nanoTime(); System.nanoTime() - start < warmupNanos; warmup += points) {
					contender.prepare(warmup, points).run();
				}
			}
			result.put("warmup", warmup);
			Contender.TimedWrite write = contender.prepare(warmup, points);
			System.gc();
			Thread.sleep(300);
			DiscardingSink.Counts before = counts(http, stats);
			metrics.start();
			long start = System.nanoTime();
			long written = write.run();
			long nanos = System.nanoTime() - start;
			long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
			result.put("nanos", nanos);
			result.put("timedFromUptime", uptime - nanos / 1_000_000);
			result.put("timedToUptime", uptime);
			result.put("writeNanos", written - start);
			result.putAll(metrics.stop());
			DiscardingSink.Counts timed = counts(http, stats).minus(before);
			result.put("sinkLines", timed.lines());
			result.put("wireBytes", timed.wireBytes());
			result.put("requests", timed.requests());
			result.put("sinkCpuNanos", timed.cpuNanos());
			result.putAll(contender.details());
		}
		System.out.println(RESULT_PREFIX + KeyValues.format(result));
		System.exit(0);
	}

	private static DiscardingSink.Counts counts(HttpClient http, URI stats) throws Exception {
		String body = http.send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString()).body();
		return DiscardingSink.Counts.parse(body);
	}

}
