package io.influxspring.e2e;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.influxspring.write.Point;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 3: the application context is closed right after 100,000 points were written, while most
 * of them are still in the writer (a flush interval of an hour, batches of 3,000: the last 1,000 lines
 * sit in the open batch and nothing but closing sends them). Closing must deliver every line.
 */
final class CloseRightAfterWriting {

	static final int LINES = 100_000;

	static final Instant START = Instant.parse("2024-02-01T00:00:00Z");

	private CloseRightAfterWriting() {
	}

	/** What the writer said just before and after the context was closed. */
	record Outcome(WriteStatistics beforeClose, WriteStatistics afterClose, LineTally tally, long millis) {
	}

	/**
	 * Writes {@link #LINES} points of {@code measurement} (tag {@code host}, integer field {@code seq},
	 * one millisecond apart) through the managed writer, closes the context and checks the writer's
	 * own accounting; the caller counts what the server stored.
	 */
	static Outcome run(ApplicationContextRunner runner, String measurement) {
		LineTally tally = new LineTally();
		AtomicReference<Outcome> outcome = new AtomicReference<>();
		ManagedWriter.listening(runner, tally)
			.withPropertyValues("influx.write.flush-interval=1h", "influx.write.batch-size=3000")
			.run((context) -> {
				BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
				long started = System.nanoTime();
				for (int i = 0; i < LINES; i++) {
					writer.writePoint(point(measurement, i));
				}
				WriteStatistics before = writer.getStatistics();
				context.close();
				WriteStatistics after = writer.getStatistics();
				outcome.set(new Outcome(before, after, tally, (System.nanoTime() - started) / 1_000_000));
			});
		Outcome result = outcome.get();
		assertThat(result.beforeClose().buffered()).as("lines still in the writer when the context closed")
			.isGreaterThanOrEqualTo(LINES % 3000);
		WriteStatistics after = result.afterClose();
		assertThat(after.offered()).isEqualTo(LINES);
		assertThat(after.written()).as("written").isEqualTo(LINES);
		assertThat(after.failed()).as("failed").isZero();
		assertThat(after.dropped()).as("dropped").isZero();
		assertThat(after.buffered()).as("buffered").isZero();
		assertThat(tally.successLines()).as("lines the listener heard written").isEqualTo(LINES);
		assertThat(tally.dropLines()).as("lines the listener heard dropped").isZero();
		return result;
	}

	static Point point(String measurement, int seq) {
		return Point.measurement(measurement).tag("host", "h" + (seq % 5)).field("seq", seq).time(START.plusMillis(seq));
	}

}
