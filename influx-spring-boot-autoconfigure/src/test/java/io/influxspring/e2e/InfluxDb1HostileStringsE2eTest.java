package io.influxspring.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.influxspring.e2e.HostilePoints.Written;
import io.influxspring.e2e.HostileText.Role;
import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 6 on InfluxDB 1.6: newlines, tabs, NULs, quotes, backslashes (single, doubled, trailing,
 * before separators and quotes, Windows paths), commas, equals signs, spaces and Unicode in
 * measurements, tag keys and values, field keys and string values, through {@code Point} and
 * {@code @InfluxMeasurement} records and the Spring-managed writer with its default
 * {@link LineProtocolDialect#INFLUXDB} rules. Every value is either rejected at the call, exactly where
 * those rules say ({@link HostileText}), or read back exactly; the server rejects nothing and holds
 * nothing else.
 */
class InfluxDb1HostileStringsE2eTest {

	private static final String DATABASE = "hostile";

	/** The writer's rules: the default. */
	private static final LineProtocolDialect DIALECT = LineProtocolDialect.INFLUXDB;

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server();

	@Test
	void everyValueRoundTripsOrIsRejectedAtTheCall() {
		influx.createDatabase(DATABASE);
		LineTally tally = new LineTally();
		AtomicReference<HostilePoints> written = new AtomicReference<>();
		AtomicReference<WriteStatistics> last = new AtomicReference<>();
		long started = System.nanoTime();
		ManagedWriter.listening(ManagedWriter.influxDb1(influx, DATABASE, "influx.precision=ms"), tally)
			.run((context) -> {
				BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
				HostilePoints points = new HostilePoints(writer, DIALECT);
				for (Role role : Role.values()) {
					points.writeGrid("hv", HostileText.PIECES, role);
				}
				HostilePoints.Sources sources = new HostilePoints.Sources(
						new HostileText.Source(61L, Role.MEASUREMENT, DIALECT, 0.03),
						new HostileText.Source(62L, Role.TAG_KEY, DIALECT, 0.03),
						new HostileText.Source(63L, Role.TAG_VALUE, DIALECT, 0.03),
						new HostileText.Source(64L, Role.STRING_VALUE, DIALECT, 0.03));
				points.writeRandom("hv", 300, sources);
				points.writeRecords(true, 100, sources);
				points.writeRecords(false, 100, sources);
				assertThat(points.backslashRecordIsRejected()).as("a record type whose measurement ends with a backslash")
					.isTrue();
				writer.flush().get(30, TimeUnit.SECONDS);
				context.close();
				written.set(points);
				last.set(writer.getStatistics());
			});
		HostilePoints points = written.get();
		WriteStatistics stats = last.get();
		List<String> mismatches = new ArrayList<>();
		Map<String, Long> perMeasurement = new TreeMap<>();
		for (Written point : points.accepted()) {
			perMeasurement.merge(point.measurement(), 1L, Long::sum);
			List<List<Object>> rows = influx.query(DATABASE, "SELECT \"seq\", " + quote(point.tagKey()) + "::tag, "
					+ quote(point.fieldKey()) + "::field FROM " + quote(point.measurement()) + " WHERE time = "
					+ point.time().toEpochMilli() + "ms");
			List<Object> expected = List.of(point.seq(), point.tagValue(), point.text());
			if (rows.size() != 1 || !matches(rows.get(0).subList(1, 4), expected)) {
				mismatches.add(point + " read back as " + rows);
			}
		}
		List<String> extra = new ArrayList<>();
		long[] storedTotal = new long[1];
		perMeasurement.forEach((measurement, count) -> {
			long stored = ((Number) influx.query(DATABASE, "SELECT count(\"seq\") FROM " + quote(measurement)).get(0)
				.get(1)).longValue();
			storedTotal[0] += stored;
			if (stored != count) {
				extra.add(HostilePoints.visible(measurement) + ": " + stored + " rows for " + count + " points");
			}
		});
		TreeSet<String> measurements = new TreeSet<>();
		influx.query(DATABASE, "SHOW MEASUREMENTS").forEach((row) -> measurements.add((String) row.get(0)));
		new ScenarioFigures("6 hostile strings", "InfluxDB 1.6", stats.offered(), storedTotal[0],
				stats.dropped(), 0, Duration.ofNanos(System.nanoTime() - started),
				"rejected at the call " + points.rejected().size() + ", measurements " + measurements.size())
			.report();
		assertThat(points.unexpected()).as("points accepted or rejected against the rules").isEmpty();
		assertThat(points.accepted()).as("accepted points").hasSizeGreaterThan(300);
		assertThat(points.rejected()).as("points rejected at the call").hasSizeGreaterThan(100);
		assertThat(stats.failed()).as("lines the server rejected").isZero();
		assertThat(stats.written()).as("written").isEqualTo(points.accepted().size());
		assertThat(mismatches).as("points that did not read back exactly").isEmpty();
		assertThat(extra).as("measurements with more or fewer rows than points").isEmpty();
		assertThat(measurements).as("measurements in the database").isEqualTo(new TreeSet<>(perMeasurement.keySet()));
	}

	private static String quote(String identifier) {
		return InfluxDb1Server.quoteIdentifier(identifier);
	}

	private static boolean matches(List<Object> row, List<Object> expected) {
		return row.get(0) instanceof Number seq && seq.longValue() == (long) expected.get(0)
				&& expected.get(1).equals(row.get(1)) && expected.get(2).equals(row.get(2));
	}

}
