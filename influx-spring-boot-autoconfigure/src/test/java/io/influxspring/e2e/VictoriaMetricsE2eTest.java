package io.influxspring.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.jayway.jsonpath.JsonPath;
import io.influxspring.testsupport.VictoriaMetricsServer;
import io.influxspring.write.OverflowPolicy;
import io.influxspring.write.Point;
import io.influxspring.write.WriteDrop;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Spring-managed writer against a real VictoriaMetrics ({@code /api/v2/write}): ten times more
 * points than the buffer holds while the server is down (scenario 4), and closing right after
 * 100,000 points (scenario 3). VictoriaMetrics stores field {@code seq} of measurement {@code m} as
 * metric {@code m_seq} with the value of {@code seq}, so the samples tell exactly which points arrived.
 */
class VictoriaMetricsE2eTest {

	private static final int BUFFER_LIMIT = 10_000;

	private static final int OFFERED = 10 * BUFFER_LIMIT;

	@RegisterExtension
	static final VictoriaMetricsServer victoria = new VictoriaMetricsServer();

	@BeforeEach
	void serverRuns() {
		if (!victoria.isRunning()) {
			victoria.restart();
		}
	}

	/**
	 * Scenario 4: every point is either stored or reported dropped, exactly once, and the writer's
	 * statistics, its Micrometer meter and a listener agree on the drops. The server is killed before
	 * the first write and restarted after the last; retries outlast the outage, so nothing fails.
	 */
	@ParameterizedTest(name = "{0}")
	@EnumSource(value = OverflowPolicy.class, names = { "DROP_OLDEST", "DROP_NEWEST" })
	void serverDownWithTenTimesTheBufferAccountsForEveryPoint(OverflowPolicy overflow) {
		String measurement = "down_" + overflow.name().toLowerCase();
		victoria.kill();
		LineTally tally = new LineTally();
		AtomicReference<WriteStatistics> last = new AtomicReference<>();
		double[] meteredDrops = new double[1];
		long started = System.nanoTime();
		Instant start = Instant.parse("2024-05-01T00:00:00Z");
		ManagedWriter.listening(ManagedWriter.victoriaMetrics(victoria, ManagedWriter.fastRetries()), tally)
			.withPropertyValues("influx.write.buffer-limit=" + BUFFER_LIMIT, "influx.write.batch-size=1000",
					"influx.write.flush-interval=100ms", "influx.write.overflow=" + overflow.name().replace('_', '-'))
			.run((context) -> {
				BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
				for (int i = 0; i < OFFERED; i++) {
					writer.writePoint(Point.measurement(measurement).tag("host", "h" + (i % 5)).field("seq", i)
						.time(start.plusMillis(i)));
				}
				assertThat(writer.getStatistics().written()).as("written while the server is down").isZero();
				victoria.restart();
				writer.flush(true).handle((done, ex) -> null).get(60, TimeUnit.SECONDS);
				await().atMost(Duration.ofSeconds(60)).until(() -> writer.getStatistics().buffered() == 0);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.close();
				last.set(writer.getStatistics());
				meteredDrops[0] = registry.get("influx.write.lines").tag("outcome", "dropped").tag("reason", "overflow")
					.functionCounter().count();
			});
		WriteStatistics stats = last.get();
		long stored = StoredRows.awaitAtLeast(() -> victoria.countSamples(measurement + "_seq"), stats.written(),
				Duration.ofSeconds(30));
		Set<Long> storedSeqs = storedValues(measurement + "_seq");
		new ScenarioFigures("4 server down, 10x buffer, " + overflow.name().toLowerCase(), "VictoriaMetrics",
				stats.offered(), stored, stats.dropped(), stored - storedSeqs.size(),
				Duration.ofNanos(System.nanoTime() - started), "retries " + tally.retryEvents())
			.report();
		assertThat(stats.offered()).isEqualTo(OFFERED);
		assertThat(stats.failed()).as("failed").isZero();
		assertThat(stats.dropped()).as("dropped (statistics)").isEqualTo(stats.droppedOverflow()).isPositive();
		assertThat(tally.dropLines()).as("dropped (listener)").isEqualTo(stats.dropped());
		assertThat(tally.dropLines(WriteDrop.Reason.OVERFLOW)).isEqualTo(stats.dropped());
		assertThat((long) meteredDrops[0]).as("dropped (meter)").isEqualTo(stats.dropped());
		assertThat(stored).as("samples in VictoriaMetrics").isEqualTo(stats.written()).isEqualTo(storedSeqs.size());
		assertThat(stored + stats.dropped()).as("stored + dropped").isEqualTo(OFFERED);
		Set<Long> dropped = tally.droppedSeqs();
		assertThat(dropped).as("distinct points dropped").hasSize((int) stats.dropped());
		Set<Long> storedAndDropped = new HashSet<>(storedSeqs);
		storedAndDropped.retainAll(dropped);
		assertThat(storedAndDropped).as("points both stored and reported dropped").isEmpty();
		if (overflow == OverflowPolicy.DROP_NEWEST) {
			assertThat(storedSeqs).as("the first buffer-limit points are kept").hasSize(BUFFER_LIMIT)
				.allMatch((seq) -> seq < BUFFER_LIMIT);
		}
		else {
			assertThat(storedSeqs).as("the newest point is kept").contains((long) OFFERED - 1);
			assertThat(stored).isLessThanOrEqualTo(BUFFER_LIMIT);
		}
	}

	/** Scenario 3 on VictoriaMetrics. */
	@Test
	void closingRightAfterWritingLosesNothing() {
		long started = System.nanoTime();
		CloseRightAfterWriting.Outcome outcome = CloseRightAfterWriting.run(ManagedWriter.victoriaMetrics(victoria),
				"close_after_write");
		long stored = StoredRows.awaitAtLeast(() -> victoria.countSamples("close_after_write_seq"),
				CloseRightAfterWriting.LINES, Duration.ofSeconds(30));
		new ScenarioFigures("3 close right after 100k", "VictoriaMetrics", outcome.afterClose().offered(), stored,
				outcome.afterClose().dropped(), 0, Duration.ofNanos(System.nanoTime() - started),
				"buffered at close " + outcome.beforeClose().buffered())
			.report();
		assertThat(stored).as("samples in VictoriaMetrics").isEqualTo(CloseRightAfterWriting.LINES);
		assertThat(storedValues("close_after_write_seq")).hasSize(CloseRightAfterWriting.LINES);
	}

	private static Set<Long> storedValues(String metric) {
		victoria.forceFlush();
		Set<Long> values = new HashSet<>();
		for (String series : victoria.export(metric)) {
			List<Number> numbers = JsonPath.read(series, "$.values");
			numbers.forEach((number) -> values.add(number.longValue()));
		}
		return values;
	}

}
