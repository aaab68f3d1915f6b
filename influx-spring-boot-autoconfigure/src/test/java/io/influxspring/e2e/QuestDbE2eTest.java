package io.influxspring.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.influxspring.testsupport.QuestDbServer;
import io.influxspring.write.Point;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Volume and shutdown through the Spring-managed writer into a real QuestDB ({@code /api/v2/write}):
 * a million points with the default settings (scenario 1), and closing the context right after
 * 100,000 points (scenario 3).
 */
class QuestDbE2eTest {

	private static final int MILLION = 1_000_000;

	@RegisterExtension
	static final QuestDbServer questdb = new QuestDbServer();

	/**
	 * Scenario 1. The producer behaves like an application that respects the writer's buffer: it writes
	 * as fast as it can, and only while more than half of {@code buffer-limit} (default 100,000) is
	 * held does it wait for the writer to catch up, so that nothing is dropped by design and every
	 * line must arrive.
	 */
	@Test
	void aMillionPointsWithDefaultSettingsAreAllStored() {
		LineTally tally = new LineTally();
		AtomicReference<WriteStatistics> last = new AtomicReference<>();
		long started = System.nanoTime();
		int[] waits = new int[1];
		ManagedWriter.listening(ManagedWriter.questDb(questdb), tally).run((context) -> {
			BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
			int limit = writer.getOptions().bufferLimit();
			Instant start = Instant.parse("2024-03-01T00:00:00Z");
			for (int i = 0; i < MILLION; i++) {
				if (i % 5000 == 0 && writer.getStatistics().buffered() > limit / 2) {
					waits[0]++;
					Backpressure.awaitBufferedAtMost(writer, limit / 4);
				}
				writer.writePoint(Point.measurement("million")
					.tag("host", "host-" + (i % 10))
					.field("seq", i)
					.field("value", i * 0.5)
					.time(start.plusNanos(i * 1000L)));
			}
			context.close();
			last.set(writer.getStatistics());
		});
		long stored = StoredRows.awaitAtLeast(() -> questdb.count("million"), MILLION, Duration.ofSeconds(60));
		long distinct = ((Number) questdb.sql("SELECT count_distinct(seq) FROM million").get(0).get(0)).longValue();
		WriteStatistics stats = last.get();
		new ScenarioFigures("1 million points, defaults", "QuestDB", stats.offered(), stored, stats.dropped(),
				stored - distinct, Duration.ofNanos(System.nanoTime() - started),
				"producer waited " + waits[0] + "x for the buffer; requests " + tally.attempts())
			.report();
		assertThat(stats.offered()).isEqualTo(MILLION);
		assertThat(stats.written()).as("written").isEqualTo(MILLION);
		assertThat(stats.failed()).as("failed").isZero();
		assertThat(stats.dropped()).as("dropped").isZero();
		assertThat(tally.successLines()).isEqualTo(MILLION);
		assertThat(stored).as("rows in QuestDB").isEqualTo(MILLION);
		assertThat(distinct).as("distinct seq values in QuestDB").isEqualTo(MILLION);
	}

	/** Scenario 3 on QuestDB. */
	@Test
	void closingRightAfterWritingLosesNothing() {
		long started = System.nanoTime();
		CloseRightAfterWriting.Outcome outcome = CloseRightAfterWriting.run(ManagedWriter.questDb(questdb),
				"close_after_write");
		long stored = StoredRows.awaitAtLeast(() -> questdb.count("close_after_write"), CloseRightAfterWriting.LINES,
				Duration.ofSeconds(30));
		new ScenarioFigures("3 close right after 100k", "QuestDB", outcome.afterClose().offered(), stored,
				outcome.afterClose().dropped(), 0, Duration.ofNanos(System.nanoTime() - started),
				"buffered at close " + outcome.beforeClose().buffered())
			.report();
		assertThat(stored).as("rows in QuestDB").isEqualTo(CloseRightAfterWriting.LINES);
	}

}
