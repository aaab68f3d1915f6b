package io.influxspring.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.influxspring.e2e.FaultyTcpProxy.Fault;
import io.influxspring.testsupport.QuestDbServer;
import io.influxspring.write.Point;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 5: the Spring-managed writer talks to a real QuestDB through a {@link FaultyTcpProxy} that
 * resets connections and stalls responses at random.
 * <p>
 * Which duplicates are possible: a request that reached the server but whose response was lost (reset
 * after the request, or a stall beyond the response timeout) has been stored, yet the writer sees a
 * network error and sends the same lines again. Only lines of a failed attempt can therefore be
 * stored twice, and a line at most once more than the number of failed attempts that carried it.
 * QuestDB is the judge here because it keeps every row it is sent (its tables have no deduplication
 * unless asked for), so duplicates show up as extra rows; InfluxDB would collapse them (same series
 * and timestamp overwrite), which would make the upper bound unfalsifiable. Each point has a unique
 * integer field {@code seq}, so presence and multiplicity are checked point by point.
 */
class QuestDbFaultyNetworkE2eTest {

	private static final int POINTS = 50_000;

	private static final long SEED = 20_260_505L;

	@RegisterExtension
	static final QuestDbServer questdb = new QuestDbServer();

	@Test
	void nothingIsLostAndOnlyRetriedLinesAreStoredTwice() throws Exception {
		LineTally tally = new LineTally();
		AtomicReference<WriteStatistics> last = new AtomicReference<>();
		long started = System.nanoTime();
		Instant start = Instant.parse("2024-06-01T00:00:00Z");
		try (FaultyTcpProxy proxy = new FaultyTcpProxy(questdb.port(), SEED, 0.3, 40, Duration.ofMillis(1500),
				Duration.ofSeconds(60))) {
			ManagedWriter
				.listening(ManagedWriter.questDb(proxy.url(), "influx.response-timeout=1s", "influx.connect-timeout=1s",
						"influx.write.batch-size=500", "influx.write.flush-interval=100ms",
						"influx.write.retry.min-delay=20ms", "influx.write.retry.max-delay=200ms",
						"influx.write.retry.jitter=10ms", "influx.write.retry.max-retries=100",
						"influx.write.retry.max-retry-time=60s"), tally)
				.run((context) -> {
					BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
					for (int i = 0; i < POINTS; i++) {
						writer.writePoint(Point.measurement("faulty").tag("host", "h" + (i % 3)).field("seq", i)
							.time(start.plusNanos(i * 1000L)));
					}
					writer.flush(true).get(90, TimeUnit.SECONDS);
					context.close();
					last.set(writer.getStatistics());
				});
			awaitWalApplied("faulty");
			long rows = questdb.count("faulty");
			List<Object> seqs = questdb.sql("SELECT count_distinct(seq), min(seq), max(seq) FROM faulty").get(0);
			long distinct = ((Number) seqs.get(0)).longValue();
			Map<Long, Integer> retried = tally.retriedSeqs();
			List<String> unexplained = new ArrayList<>();
			for (List<Object> row : questdb.sql("SELECT * FROM (SELECT seq, count() c FROM faulty) WHERE c > 1")) {
				long seq = ((Number) row.get(0)).longValue();
				int copies = ((Number) row.get(1)).intValue();
				if (copies > 1 + retried.getOrDefault(seq, 0)) {
					unexplained.add("seq " + seq + " stored " + copies + "x, retried " + retried.getOrDefault(seq, 0) + "x");
				}
			}
			WriteStatistics stats = last.get();
			new ScenarioFigures("5 faulty TCP proxy", "QuestDB", stats.offered(), rows, stats.dropped(), rows - distinct,
					Duration.ofNanos(System.nanoTime() - started),
					String.format("exchanges %d (writer attempts %d), connections %d, resets before/after request %d/%d,"
							+ " stalls %d, retries %d (%d lines)", proxy.exchanges(), tally.attempts(),
							proxy.connections(), proxy.count(Fault.RESET_BEFORE_REQUEST),
							proxy.count(Fault.RESET_AFTER_REQUEST), proxy.count(Fault.STALL_RESPONSE),
							tally.retryEvents(), tally.retryLines()))
				.report();
			assertThat(proxy.count(Fault.RESET_BEFORE_REQUEST)).as("resets before the request").isPositive();
			assertThat(proxy.count(Fault.RESET_AFTER_REQUEST)).as("resets after the request").isPositive();
			assertThat(proxy.count(Fault.STALL_RESPONSE)).as("stalled responses").isPositive();
			assertThat(stats.written()).as("written").isEqualTo(POINTS);
			assertThat(stats.failed()).as("failed").isZero();
			assertThat(stats.dropped()).as("dropped").isZero();
			assertThat(tally.retryEvents()).as("retries").isPositive();
			assertThat(distinct).as("distinct points stored").isEqualTo(POINTS);
			assertThat(((Number) seqs.get(1)).longValue()).as("smallest seq").isZero();
			assertThat(((Number) seqs.get(2)).longValue()).as("largest seq").isEqualTo(POINTS - 1);
			assertThat(rows).as("rows: every point, plus at most the lines of failed attempts")
				.isBetween((long) POINTS, POINTS + tally.retryLines());
			assertThat(unexplained).as("points stored more often than retries explain").isEmpty();
			assertThat(rows - distinct).as("rows stored twice: a response lost after QuestDB committed means a copy")
				.isPositive();
			assertThat(proxy.exchanges()).as("requests the proxy saw, at most the writer's attempts (no hidden resends)")
				.isLessThanOrEqualTo((int) tally.attempts());
		}
	}

	/** Waits until QuestDB has applied every committed transaction of the table to its storage. */
	private static void awaitWalApplied(String table) {
		await("WAL of " + table + " applied").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
			List<List<Object>> rows = questdb.sql("SELECT writerTxn, sequencerTxn FROM wal_tables() WHERE name = '"
					+ table + "'");
			return !rows.isEmpty() && rows.get(0).get(0).equals(rows.get(0).get(1));
		});
	}

}
