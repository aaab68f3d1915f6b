package io.influxspring.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long {@code writePoint} takes on the caller's thread while the server is down: the
 * auto-configured {@link WriteApi}, with its default settings (buffer limit 100,000, {@code backpressure}
 * overflow: once the server fails, the oldest lines are dropped without waiting) but for batch 5000,
 * writes {@code --warmup} untimed points, then {@code --rounds} rounds of {@code --calls} points, each
 * call timed with {@code System.nanoTime()} (points are built outside the timed part), prints the
 * percentiles of each round, and then the writer's statistics: the lines dropped, checked against
 * {@code offered - buffered - written - failed} and against the number of calls.
 * <p>
 * Options: {@code --calls 300000}, {@code --rounds 1}, {@code --warmup 0}, {@code --server down}
 * ({@code down}: nothing listens on the port; {@code silent}: a server accepts connections and never
 * answers), {@code --buffer-limit default} and {@code --overflow default} (e.g. {@code --buffer-limit
 * 1000000}, the earlier mode in which every call stays within the limit and no overflow policy applies).
 * Exits with 1 when the counts do not add up.
 */
public final class LatencyProbe {

	private static final String DEFAULT = "default";

	private LatencyProbe() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Options.parse(args, Map.of("calls", "300000", "rounds", "1", "warmup", "0",
				"server", "down", "buffer-limit", DEFAULT, "overflow", DEFAULT));
		int calls = Integer.parseInt(options.get("calls"));
		int rounds = Integer.parseInt(options.get("rounds"));
		int warmup = Integer.parseInt(options.get("warmup"));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("logging.level.io.influxspring", "error");
		if (!options.get("buffer-limit").equals(DEFAULT)) {
			properties.put("influx.write.buffer-limit", options.get("buffer-limit"));
		}
		if (!options.get("overflow").equals(DEFAULT)) {
			properties.put("influx.write.overflow", options.get("overflow"));
		}
		boolean consistent = true;
		try (DeadServer server = new DeadServer(options.get("server"))) {
			ConfigurableApplicationContext context = OursContext.start("http://127.0.0.1:" + server.port(), properties);
			WriteApi writeApi = context.getBean(WriteApi.class);
			System.out.printf("writePoint with the server %s (%s), buffer-limit %s, overflow %s, %,d calls per round after"
					+ " %,d untimed; Java %s%n", options.get("server"), writeApi, options.get("buffer-limit"),
					options.get("overflow"), calls, warmup, System.getProperty("java.version"));
			System.out.printf("System.nanoTime() pair costs about %d ns (included below)%n", nanoTimeCost());
			long next = time(writeApi, 0, warmup, new long[warmup]);
			System.out.println("| round | p50 ns | p90 ns | p99 ns | p99.9 ns | p99.99 ns | max ns | calls > 2 us"
					+ " | calls > 1 ms | GCs | p99.9 < 1 ms |");
			System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
			for (int round = 1; round <= rounds; round++) {
				long[] nanos = new long[calls];
				long collections = collections();
				next = time(writeApi, next, calls, nanos);
				long slow = Arrays.stream(nanos).filter((n) -> n > 2_000).count();
				long verySlow = Arrays.stream(nanos).filter((n) -> n > 1_000_000).count();
				int slowest = slowest(nanos);
				Arrays.sort(nanos);
				System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s |%n", round, percentile(nanos, 50),
						percentile(nanos, 90), percentile(nanos, 99), percentile(nanos, 99.9),
						percentile(nanos, 99.99), nanos[nanos.length - 1], slow, verySlow, collections() - collections,
						(percentile(nanos, 99.9) < 1_000_000) ? "yes" : "NO");
				System.out.printf("round %d: the slowest call was call %,d of the round%n", round, slowest + 1);
			}
			if (writeApi instanceof BatchingWriteApi batching) {
				consistent = report(batching.getStatistics(), next);
			}
			else {
				System.out.println("No writer statistics: the WriteApi is a " + writeApi.getClass().getName());
				consistent = false;
			}
			writeApi.dispose();
			context.close();
		}
		if (!consistent) {
			System.out.println("INCONSISTENT: the writer's counts do not add up (see above)");
			System.exit(1);
		}
	}

	/** Prints the statistics and the lines dropped; returns whether the counts add up to the calls made. */
	private static boolean report(WriteStatistics statistics, long calls) {
		System.out.println("Writer statistics after the last call: " + statistics);
		long unaccounted = statistics.offered() - statistics.buffered() - statistics.written() - statistics.failed();
		System.out.printf("writePoint calls %,d; offered %,d, written %,d, failed %,d, buffered %,d (retrying %,d),"
				+ " dropped %,d (overflow %,d, closed %,d, disposed %,d); offered - buffered - written - failed = %,d%n",
				calls, statistics.offered(), statistics.written(), statistics.failed(), statistics.buffered(),
				statistics.retrying(), statistics.dropped(), statistics.droppedOverflow(), statistics.droppedClosed(),
				statistics.droppedDisposed(), unaccounted);
		return statistics.offered() == calls && statistics.dropped() == unaccounted
				&& statistics.dropped() == statistics.droppedOverflow() + statistics.droppedClosed()
						+ statistics.droppedDisposed();
	}

	/** Writes {@code count} points starting at {@code first}, timing each call; returns the next point. */
	private static long time(WriteApi writeApi, long first, int count, long[] nanos) {
		for (int i = 0; i < count; i++) {
			Point point = SamplePoints.point(first + i);
			long start = System.nanoTime();
			writeApi.writePoint(point);
			nanos[i] = System.nanoTime() - start;
		}
		return first + count;
	}

	private static int slowest(long[] nanos) {
		int slowest = 0;
		for (int i = 1; i < nanos.length; i++) {
			if (nanos[i] > nanos[slowest]) {
				slowest = i;
			}
		}
		return slowest;
	}

	private static long percentile(long[] sorted, double percent) {
		int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static long nanoTimeCost() {
		long[] nanos = new long[100_000];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return nanos[nanos.length / 2];
	}

	private static long collections() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionCount)
			.sum();
	}

	/** A port where nothing listens, or a server that accepts connections and never reads or answers. */
	private static final class DeadServer implements AutoCloseable {

		private final ServerSocket socket;

		private final int port;

		private final List<Socket> accepted = new ArrayList<>();

		DeadServer(String mode) throws IOException {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			this.port = this.socket.getLocalPort();
			if (mode.equals("down")) {
				this.socket.close();
			}
			else if (mode.equals("silent")) {
				Thread acceptor = new Thread(this::accept, "silent-server");
				acceptor.setDaemon(true);
				acceptor.start();
			}
			else {
				throw new IllegalArgumentException("--server is 'down' or 'silent', not '" + mode + "'");
			}
		}

		int port() {
			return this.port;
		}

		private void accept() {
			try {
				while (true) {
					Socket connection = this.socket.accept();
					synchronized (this.accepted) {
						this.accepted.add(connection);
					}
				}
			}
			catch (IOException ex) {
				// closed
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			synchronized (this.accepted) {
				for (Socket connection : this.accepted) {
					connection.close();
				}
			}
		}

	}

}
