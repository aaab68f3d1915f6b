package io.influxspring.benchmarks;

import java.util.Map;

/** One client under test, alone in its JVM, writing to the sink at {@code 127.0.0.1:port}. */
interface Contender extends AutoCloseable {

	/**
	 * Gets ready, untimed, to write points {@code first} to {@code first + count - 1} of
	 * {@link SamplePoints}; the returned write is what is timed.
	 */
	TimedWrite prepare(long first, int count) throws Exception;

	/** Facts about the run worth reporting, e.g. lines dropped; read after the timed write. */
	default Map<String, Object> details() {
		return Map.of();
	}

	@Override
	void close() throws Exception;

	/** Writes the prepared points from the calling thread and returns once every line is acknowledged. */
	@FunctionalInterface
	interface TimedWrite {

		/** Returns {@code System.nanoTime()} when the last write call returned, before flushing. */
		long run() throws Exception;

	}

	/**
	 * The contender of the given name, ready to write {@code points} points in all. This project's
	 * writer runs with its default settings (buffer limit 100,000, {@code backpressure} overflow: a
	 * caller that outruns the server waits for room, so nothing is dropped while the server answers)
	 * but for batch 5000; {@code ours-block} uses the {@code block} overflow policy instead, and
	 * {@code ours-unbounded} a buffer limit of {@code points} (as before backpressure was the default,
	 * so that the caller never waits for room); {@code ours-spool} spools every batch in a temporary
	 * directory, forced to disk before it is sent, and {@code ours-spool-nofsync} without forcing. The
	 * official client gets a buffer limit of {@code points} (its default, 10,000, drops points under
	 * one writer that outpaces the network).
	 */
	static Contender create(String name, int port, int points) throws Exception {
		return switch (name) {
			case "ours" -> OursContender.points(port, Map.of());
			case "ours-nogzip" -> OursContender.points(port, Map.of("influx.write.gzip-threshold", "1GB"));
			case "ours-block" -> OursContender.points(port, Map.of("influx.write.overflow", "block"));
			case "ours-unbounded" -> OursContender.points(port,
					Map.of("influx.write.buffer-limit", Integer.toString(Math.max(100_000, points))));
			case "ours-records" -> OursContender.records(port, Map.of());
			case "ours-reuse" -> OursContender.reusedPoint(port, Map.of());
			case "ours-bigbatch" -> OursContender.points(port, Map.of("influx.write.batch-size", "50000"));
			case "ours-spool" -> OursContender.spooled(port, true);
			case "ours-spool-nofsync" -> OursContender.spooled(port, false);
			case "official" -> new OfficialClientContender(port, false);
			case "official-gzip" -> new OfficialClientContender(port, true);
			case "questdb" -> new QuestDbContender(port);
			case "raw" -> new RawCeilingContender(port, false);
			case "raw-gzip" -> new RawCeilingContender(port, true);
			default -> throw new IllegalArgumentException("Unknown contender '" + name + "'; known: ours, ours-nogzip,"
					+ " ours-block, ours-unbounded, ours-records, ours-reuse, ours-bigbatch, ours-spool, ours-spool-nofsync,"
					+ " official, official-gzip, questdb, raw, raw-gzip");
		};
	}

}
