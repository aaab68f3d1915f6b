package io.influxspring.write.realserver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.influxspring.testsupport.QuestDbServer;
import io.influxspring.write.Point;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes through {@code /api/v2/write} of a real QuestDB, plain and gzip-compressed, with the
 * {@link LineProtocolDialect#PORTABLE} rules QuestDB needs, and reads the rows back.
 */
class QuestDbRoundTripTest {

	@RegisterExtension
	static final QuestDbServer questdb = new QuestDbServer();

	@ParameterizedTest(name = "gzip threshold {0}")
	@ValueSource(ints = { 0, Integer.MAX_VALUE })
	void pointsRoundTrip(int gzipThreshold) throws Exception {
		String table = "rt_" + ((gzipThreshold == 0) ? "gzip" : "plain");
		HostileStrings strings = new HostileStrings(gzipThreshold, LineProtocolDialect.PORTABLE);
		Map<Long, Object[]> expected = new HashMap<>();
		BatchingWriteApi writer = writer(gzipThreshold);
		try {
			Instant base = Instant.parse("2024-05-01T00:00:00Z");
			for (int i = 0; i < 2000; i++) {
				long micros = base.toEpochMilli() * 1000 + i;
				String tag = strings.next("v", 5, 0);
				String text = strings.nextText(8, 0);
				double value = strings.random().nextGaussian() * 1e6;
				long count = strings.random().nextLong();
				writer.writePoint(Point.measurement(table)
					.tag("host", tag)
					.field("text", text)
					.field("value", value)
					.field("count", count)
					.field("ok", i % 2 == 0)
					.time(base.plusNanos(i * 1000L)));
				expected.put(micros, new Object[] { tag, text, value, count, i % 2 == 0 });
			}
			writer.flush().get(30, TimeUnit.SECONDS);
			assertThat(writer.getStatistics().written()).isEqualTo(2000);
		}
		finally {
			writer.close();
		}
		questdb.awaitCount(table, 2000, Duration.ofSeconds(30));
		List<List<Object>> rows = questdb.sql("SELECT host, text, value, count, ok, timestamp FROM " + table);
		assertThat(rows).hasSize(2000);
		List<String> mismatches = new ArrayList<>();
		for (List<Object> row : rows) {
			long micros = Instant.parse((String) row.get(5)).toEpochMilli() * 1000 + Instant.parse((String) row.get(5)).getNano() / 1000 % 1000;
			Object[] want = expected.get(micros);
			if (want == null || !want[0].equals(row.get(0)) || !want[1].equals(row.get(1))
					|| ((Number) row.get(2)).doubleValue() != (double) want[2]
					|| ((Number) row.get(3)).longValue() != (long) want[3] || !want[4].equals(row.get(4))) {
				mismatches.add(row + " expected " + ((want != null) ? List.of(want) : "nothing"));
			}
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void rejectsTheWholeRequestOnOneBadLineAndReportsTheServersReason() {
		BatchingWriteApi writer = writer(Integer.MAX_VALUE);
		try {
			writer.writeRecords("bad_table v=1i", "bad_table v=oops");
			assertThat(writer.flush()).failsWithin(Duration.ofSeconds(10))
				.withThrowableThat()
				.havingRootCause()
				.withMessageContaining("400");
			assertThat(writer.getStatistics().failed()).isEqualTo(2);
		}
		finally {
			writer.close();
		}
	}

	private static BatchingWriteApi writer(int gzipThreshold) {
		return BatchingWriteApi.builder(WebClient.create(), questdb.url())
			.path("/api/v2/write?precision=ns")
			.options(WriteOptions.builder()
				.batchSize(700)
				.gzipThreshold(gzipThreshold)
				.lineProtocol(LineProtocolDialect.PORTABLE)
				.build())
			.build();
	}

}
