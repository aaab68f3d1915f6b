package io.influxspring.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;
import io.influxspring.write.engine.BatchingWriteApi;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long {@code writePoint} takes on the caller's thread while the server is down: the
 * auto-configured {@link WriteApi} (buffer limit 1,000,000, so no overflow policy applies) writes
 * {@code --warmup} points, then {@code --rounds} rounds of {@code --calls} points, each call timed
 * with {@code System.nanoTime()} (points are built outside the timed part), and prints the
 * percentiles of each round.
 * <p>
 * Options: {@code --calls 200000}, {@code --rounds 3}, {@code --warmup 200000}, {@code --server down}
 * ({@code down}: nothing listens on the port; {@code silent}: a server accepts connections and never
 * answers), {@code --buffer-limit 1000000}.
 */
public final class LatencyProbe {

	private LatencyProbe() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Options.parse(args, Map.of("calls", "200000", "rounds", "3", "warmup", "200000",
				"server", "down", "buffer-limit", "1000000"));
		int calls = Integer.parseInt(options.get("calls"));
		int rounds = Integer.parseInt(options.get("rounds"));
		int warmup = Integer.parseInt(options.get("warmup"));
		String bufferLimit = options.get("buffer-limit");
		if ((long) warmup + (long) calls * rounds > Long.parseLong(bufferLimit)) {
			throw new IllegalArgumentException("warmup + calls * rounds must stay within --buffer-limit");
		}
		try (DeadServer server = new DeadServer(options.get("server"))) {
			ConfigurableApplicationContext context = OursContext.start("http://127.0.0.1:" + server.port(),
					Map.of("influx.write.buffer-limit", bufferLimit, "logging.level.io.influxspring", "error"));
			WriteApi writeApi = context.getBean(WriteApi.class);
			System.out.printf("writePoint with the server %s (%s), %,d calls per round after %,d untimed; Java %s%n",
					options.get("server"), writeApi, calls, warmup, System.getProperty("java.version"));
			System.out.printf("System.nanoTime() pair costs about %d ns (included below)%n", nanoTimeCost());
			long next = time(writeApi, 0, warmup, new long[warmup]);
			System.out.println("| round | p50 ns | p90 ns | p99 ns | p99.9 ns | p99.99 ns | max ns | calls > 2 us | GCs |");
			System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
			for (int round = 1; round <= rounds; round++) {
				long[] nanos = new long[calls];
				long collections = collections();
				next = time(writeApi, next, calls, nanos);
				long slow = Arrays.stream(nanos).filter((n) -> n > 2_000).count();
				Arrays.sort(nanos);
				System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d | %d |%n", round, percentile(nanos, 50),
						percentile(nanos, 90), percentile(nanos, 99), percentile(nanos, 99.9),
						percentile(nanos, 99.99), nanos[nanos.length - 1], slow, collections() - collections);
			}
			if (writeApi instanceof BatchingWriteApi batching) {
				System.out.println("Writer statistics: " + batching.getStatistics());
			}
			writeApi.dispose();
			context.close();
		}
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
