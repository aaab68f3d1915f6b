package io.influxspring.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.write.Point;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Spring-managed writer against a real InfluxDB 1.6 ({@code influx.api-version=v1}) that is killed
 * and restarted under a stream of points (scenario 2), and closed right after 100,000 points
 * (scenario 3). InfluxDB acknowledges a write only once it is in its write-ahead log, so a SIGKILL
 * loses nothing acknowledged; a request whose response the kill swallowed is sent again and
 * overwrites the same points (same series and timestamp), so the count must equal the points offered.
 */
class InfluxDb1E2eTest {

	private static final int STREAM = 120_000;

	private static final int OUTAGES = 3;

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server();

	/** Scenario 2: three SIGKILLs and restarts on the same data directory while points keep coming. */
	@Test
	void killedAndRestartedThreeTimesLosesNothing() throws Exception {
		influx.createDatabase("outages");
		LineTally tally = new LineTally();
		AtomicReference<WriteStatistics> last = new AtomicReference<>();
		List<Long> outageMillis = new ArrayList<>();
		long started = System.nanoTime();
		Instant start = Instant.parse("2024-04-01T00:00:00Z");
		ManagedWriter
			.listening(ManagedWriter.influxDb1(influx, "outages", ManagedWriter.fastRetries()), tally)
			.withPropertyValues("influx.write.buffer-limit=500000", "influx.write.flush-interval=200ms")
			.run((context) -> {
				BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
				PacedProducer producer = PacedProducer.start(STREAM, 15_000, (i) -> writer.writePoint(
						Point.measurement("stream").tag("host", "h" + (i % 4)).field("seq", i).time(start.plusMillis(i))));
				for (int outage = 1; outage <= OUTAGES; outage++) {
					long killAt = (long) STREAM * outage / (OUTAGES + 1);
					await().atMost(Duration.ofSeconds(60)).until(() -> writer.getStatistics().offered() >= killAt);
					long offeredAtKill = writer.getStatistics().offered();
					long down = System.nanoTime();
					influx.kill();
					await().atMost(Duration.ofSeconds(60))
						.until(() -> writer.getStatistics().offered() >= offeredAtKill + 6000);
					influx.restart();
					outageMillis.add((System.nanoTime() - down) / 1_000_000);
					await("lines written before the kill are written after the restart").atMost(Duration.ofSeconds(60))
						.until(() -> writer.getStatistics().written() >= offeredAtKill);
				}
				producer.done().get(60, TimeUnit.SECONDS);
				context.close();
				last.set(writer.getStatistics());
			});
		long stored = ((Number) influx.query("outages", "SELECT count(seq) FROM stream").get(0).get(1)).longValue();
		WriteStatistics stats = last.get();
		new ScenarioFigures("2 kill+restart x3 under stream", "InfluxDB 1.6", stats.offered(), stored, stats.dropped(),
				0, Duration.ofNanos(System.nanoTime() - started), "outages ms " + outageMillis + ", retries "
						+ tally.retryEvents() + " (" + tally.retryLines() + " lines)")
			.report();
		assertThat(stats.offered()).isEqualTo(STREAM);
		assertThat(stats.written()).as("written").isEqualTo(STREAM);
		assertThat(stats.failed()).as("failed").isZero();
		assertThat(stats.dropped()).as("dropped").isZero();
		assertThat(tally.retryEvents()).as("requests retried across the outages").isGreaterThanOrEqualTo(OUTAGES);
		assertThat(stored).as("points in InfluxDB").isEqualTo(STREAM);
	}

	/** Scenario 3 on InfluxDB 1.6. */
	@Test
	void closingRightAfterWritingLosesNothing() {
		influx.createDatabase("closing");
		long started = System.nanoTime();
		CloseRightAfterWriting.Outcome outcome = CloseRightAfterWriting.run(ManagedWriter.influxDb1(influx, "closing"),
				"close_after_write");
		long stored = ((Number) influx.query("closing", "SELECT count(seq) FROM close_after_write").get(0).get(1))
			.longValue();
		new ScenarioFigures("3 close right after 100k", "InfluxDB 1.6", outcome.afterClose().offered(), stored,
				outcome.afterClose().dropped(), 0, Duration.ofNanos(System.nanoTime() - started),
				"buffered at close " + outcome.beforeClose().buffered())
			.report();
		assertThat(stored).as("points in InfluxDB").isEqualTo(CloseRightAfterWriting.LINES);
	}

}
