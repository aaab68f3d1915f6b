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
 * two million points flat out with the default settings (scenario 1), and closing the context right after
 * 100,000 points (scenario 3).
 */
class QuestDbE2eTest {

	private static final int POINTS = 2_000_000;

	@RegisterExtension
	static final QuestDbServer questdb = new QuestDbServer();

	/**
	 * Scenario 1: one thread writes two million points flat out, as a batch job would, with the default
	 * settings and nothing else: the default {@code backpressure} overflow policy makes it wait for room
	 * while QuestDB answers, so every line must arrive.
	 */
	@Test
	void twoMillionPointsFlatOutWithDefaultSettingsAreAllStored() {
		LineTally tally = new LineTally();
		AtomicReference<WriteStatistics> last = new AtomicReference<>();
		long started = System.nanoTime();
		ManagedWriter.listening(ManagedWriter.questDb(questdb), tally).run((context) -> {
			BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
			Instant start = Instant.parse("2024-03-01T00:00:00Z");
			for (int i = 0; i < POINTS; i++) {
				writer.writePoint(Point.measurement("flat_out")
					.tag("host", "host-" + (i % 10))
					.tag("region", "eu-" + (i % 3))
					.field("seq", i)
					.field("value", i * 0.5)
					.field("ok", i % 2 == 0)
					.time(start.plusNanos(i * 1000L)));
			}
			context.close();
			last.set(writer.getStatistics());
		});
		long stored = StoredRows.awaitAtLeast(() -> questdb.count("flat_out"), POINTS, Duration.ofSeconds(90));
		long distinct = ((Number) questdb.sql("SELECT count_distinct(seq) FROM flat_out").get(0).get(0)).longValue();
		WriteStatistics stats = last.get();
		new ScenarioFigures("1 two million points flat out, defaults", "QuestDB", stats.offered(), stored,
				stats.dropped(), stored - distinct, Duration.ofNanos(System.nanoTime() - started),
				"requests " + tally.attempts())
			.report();
		assertThat(stats.offered()).isEqualTo(POINTS);
		assertThat(stats.dropped()).as("dropped").isZero();
		assertThat(stats.written()).as("written").isEqualTo(POINTS);
		assertThat(stats.failed()).as("failed").isZero();
		assertThat(tally.successLines()).isEqualTo(POINTS);
		assertThat(stored).as("rows in QuestDB").isEqualTo(POINTS);
		assertThat(distinct).as("distinct seq values in QuestDB").isEqualTo(POINTS);
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
