package io.influxspring.e2e;

import java.time.Duration;

import io.influxspring.write.engine.BatchingWriteApi;
import org.awaitility.Awaitility;

/** How a well-behaved producer waits for the writer instead of overrunning its buffer. */
final class Backpressure {

	private Backpressure() {
	}

	/** Waits (at most a minute) until the writer holds at most {@code lines} lines. */
	static void awaitBufferedAtMost(BatchingWriteApi writer, long lines) {
		Awaitility.await("writer buffer at most " + lines + " lines")
			.atMost(Duration.ofMinutes(1))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(5))
			.until(() -> writer.getStatistics().buffered() <= lines);
	}

}
