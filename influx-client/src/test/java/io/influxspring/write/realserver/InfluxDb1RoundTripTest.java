package io.influxspring.write.realserver;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.write.Point;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real InfluxDB 1.6 parser is the judge of the encoder with its default
 * {@link LineProtocolDialect#INFLUXDB} rules: thousands of points with hostile measurement names,
 * keys and values (backslashes and line breaks in strings included) either round-trip exactly or are
 * rejected at the call.
 */
class InfluxDb1RoundTripTest {

	private static final int POINTS = 4000;

	private static final long BASE_TIME = 1_700_000_000_000_000_000L;

	/** The writer's rules: the default. */
	private static final LineProtocolDialect DIALECT = LineProtocolDialect.INFLUXDB;

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void hostilePointsRoundTripExactlyOrAreRejectedAtTheCall() throws Exception {
		influx.createDatabase("roundtrip");
		HostileStrings strings = new HostileStrings(20261123L, DIALECT);
		List<String> measurements = pool(strings, "m", 12);
		List<String> tagKeys = pool(strings, "t", 6);
		List<String> fieldKeys = pool(strings, "f", 8);
		List<String> tagValues = pool(strings, "v", 24);
		Map<Long, Expected> expected = new HashMap<>();
		int rejected = 0;
		List<String> serverRejected = new CopyOnWriteArrayList<>();
		BatchingWriteApi writer = BatchingWriteApi.builder(WebClient.create(), influx.url())
			.path("/write?db=roundtrip&precision=ns")
			.listener(new WriteListener() {
				@Override
				public void onFailure(WriteFailure event) {
					serverRejected.addAll(event.lines().lines());
				}
			})
			.options(WriteOptions.builder().batchSize(500).gzipThreshold(4096).build())
			.build();
		try {
			for (int i = 0; i < POINTS; i++) {
				long time = BASE_TIME + i * 1000L;
				Expected point = randomPoint(strings, measurements, tagKeys, tagValues, fieldKeys, time);
				try {
					writer.writePoint(point.toPoint());
					expected.put(time, point);
				}
				catch (IllegalArgumentException ex) {
					rejected++;
				}
			}
			writer.flush().handle((done, ex) -> null).get(30, TimeUnit.SECONDS);
			if (!serverRejected.isEmpty()) {
				Files.write(Path.of("target/influxdb1-rejected-lines.txt"), serverRejected);
			}
			WriteStatistics stats = writer.getStatistics();
			assertThat(stats.failed()).as("lines rejected by the server").isZero();
			assertThat(stats.written()).isEqualTo(expected.size());
		}
		finally {
			writer.close();
		}
		assertThat(expected.size()).as("accepted points").isGreaterThan(POINTS / 4);
		assertThat(rejected).as("points rejected at the call").isPositive();
		Map<Long, Map<String, Object>> stored = new HashMap<>();
		for (String measurement : new TreeSet<>(expected.values().stream().map((p) -> p.measurement).toList())) {
			readMeasurement(measurement, stored);
		}
		Set<String> missing = new TreeSet<>();
		expected.forEach((time, point) -> {
			if (!stored.containsKey(time)) {
				missing.add(point.measurement.replace("\t", "\\t"));
			}
		});
		assertThat(missing).as(() -> "measurements whose points are missing; the server has "
				+ influx.query("roundtrip", "SHOW MEASUREMENTS")).isEmpty();
		assertThat(stored.keySet()).as("stored points").hasSameSizeAs(expected.keySet());
		expected.forEach((time, point) -> {
			Map<String, Object> row = stored.get(time);
			assertThat(row).as("row at %d", time).isNotNull();
			assertThat(row.get("measurement")).isEqualTo(point.measurement);
			point.tags.forEach((key, value) -> assertThat(row.get(key)).as("tag %s", key).isEqualTo(value));
			point.fields.forEach((key, value) -> {
				Object actual = row.get(key);
				if (value instanceof Number number) {
					assertThat(((Number) actual).doubleValue()).as("field %s", key).isEqualTo(number.doubleValue());
					if (value instanceof Long) {
						assertThat(((Number) actual).longValue()).isEqualTo(number.longValue());
					}
				}
				else {
					assertThat(actual).as("field %s", key).isEqualTo(value);
				}
			});
		});
	}

	private static List<String> pool(HostileStrings strings, String prefix, int size) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			names.add(strings.next(prefix + i, 4, 0.01));
		}
		return names;
	}

	/** A point of names from the pools (written again and again, as programs do) and fresh values. */
	private static Expected randomPoint(HostileStrings strings, List<String> measurements, List<String> tagKeys,
			List<String> tagValues, List<String> fieldKeys, long time) {
		Random random = strings.random();
		Expected point = new Expected(measurements.get(random.nextInt(measurements.size())), time);
		for (String key : tagKeys) {
			if (random.nextBoolean()) {
				point.tags.put(key, random.nextBoolean() ? tagValues.get(random.nextInt(tagValues.size()))
						: strings.next((random.nextInt(4) == 0) ? "" : "v", 6, 0.02));
			}
		}
		for (int i = 0; i < fieldKeys.size(); i++) {
			if (i == 0 || random.nextInt(3) == 0) {
				String key = fieldKeys.get(i);
				switch (i % 4) {
					case 0 -> point.fields.put(key, strings.nextText(10, 0.02));
					case 1 -> point.fields.put(key, random.nextLong() >> random.nextInt(64));
					case 2 -> point.fields.put(key, randomDouble(random));
					default -> point.fields.put(key, random.nextBoolean());
				}
			}
		}
		return point;
	}

	private static double randomDouble(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> random.nextDouble();
			case 1 -> Math.scalb(random.nextDouble() - 0.5, random.nextInt(2000) - 1000);
			case 2 -> Math.round(random.nextGaussian() * 1000) / 100.0;
			default -> Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
		};
	}

	private void readMeasurement(String measurement, Map<Long, Map<String, Object>> stored) throws Exception {
		String query = "SELECT * FROM " + InfluxDb1Server.quoteIdentifier(measurement);
		URI uri = URI.create(influx.url() + "/query?db=roundtrip&epoch=ns&q="
				+ URLEncoder.encode(query, StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(query + " -> " + response.body()).isEqualTo(200);
		DocumentContext json = JsonPath.parse(response.body());
		Map<String, Object> result = json.read("$.results[0]");
		assertThat(result).as(query).doesNotContainKey("error");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> series = (List<Map<String, Object>>) result.get("series");
		if (series == null) {
			return;
		}
		for (Map<String, Object> one : series) {
			@SuppressWarnings("unchecked")
			List<String> columns = (List<String>) one.get("columns");
			@SuppressWarnings("unchecked")
			List<List<Object>> values = (List<List<Object>>) one.get("values");
			for (List<Object> value : values) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("measurement", one.get("name"));
				for (int i = 0; i < columns.size(); i++) {
					if (value.get(i) != null) {
						row.put(columns.get(i), value.get(i));
					}
				}
				stored.put(((Number) row.get("time")).longValue(), row);
			}
		}
	}

	private static final class Expected {

		final String measurement;

		final long time;

		final Map<String, String> tags = new LinkedHashMap<>();

		final Map<String, Object> fields = new LinkedHashMap<>();

		Expected(String measurement, long time) {
			this.measurement = measurement;
			this.time = time;
		}

		Point toPoint() {
			Point point = Point.measurement(this.measurement).time(this.time, WritePrecision.NS);
			this.tags.forEach(point::tag);
			this.fields.forEach((key, value) -> {
				if (value instanceof String text) {
					point.field(key, text);
				}
				else if (value instanceof Boolean flag) {
					point.field(key, flag.booleanValue());
				}
				else {
					point.field(key, (Number) value);
				}
			});
			return point;
		}

	}

}
