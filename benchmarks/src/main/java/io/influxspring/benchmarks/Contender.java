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
	 * writer gets a buffer limit of {@code points} (the default, 100,000, drops lines under one
	 * writer that outpaces the network), as does the official client; {@code ours-block} keeps the
	 * default limit with the {@code block} overflow policy instead.
	 */
	static Contender create(String name, int port, int points) throws Exception {
		String bufferLimit = Integer.toString(Math.max(100_000, points));
		return switch (name) {
			case "ours" -> OursContender.points(port, Map.of("influx.write.buffer-limit", bufferLimit));
			case "ours-nogzip" -> OursContender.points(port,
					Map.of("influx.write.buffer-limit", bufferLimit, "influx.write.gzip-threshold", "1GB"));
			case "ours-block" -> OursContender.points(port, Map.of("influx.write.overflow", "block"));
			case "ours-records" -> OursContender.records(port, Map.of("influx.write.buffer-limit", bufferLimit));
			case "official" -> new OfficialClientContender(port);
			case "questdb" -> new QuestDbContender(port);
			case "raw" -> new RawCeilingContender(port, false);
			case "raw-gzip" -> new RawCeilingContender(port, true);
			default -> throw new IllegalArgumentException("Unknown contender '" + name
					+ "'; known: ours, ours-nogzip, ours-block, ours-records, official, questdb, raw, raw-gzip");
		};
	}

}
