package io.influxspring.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import io.influxspring.testsupport.InfluxDb1Server;

/**
 * Reads every row of an InfluxDB 1.x database back with InfluxQL: {@code SHOW MEASUREMENTS}, then
 * {@code SELECT * FROM "measurement" GROUP BY *} for each (so that tags and fields come apart), times
 * in milliseconds. Writes raw line protocol too, one request per line.
 */
final class StoredPoints {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Configuration JSON = Configuration.defaultConfiguration()
		.addOptions(Option.SUPPRESS_EXCEPTIONS);

	private final InfluxDb1Server influx;

	private final HttpClient http = HttpClient.newHttpClient();

	StoredPoints(InfluxDb1Server influx) {
		this.influx = influx;
	}

	/** The measurements of a database, as {@code SHOW MEASUREMENTS} lists them. */
	List<String> measurements(String database) {
		List<String> names = new ArrayList<>();
		for (Map<String, Object> series : query(database, "SHOW MEASUREMENTS")) {
			for (List<Object> row : values(series)) {
				names.add((String) row.get(0));
			}
		}
		return names;
	}

	/** Every row of every measurement of a database. */
	List<StoredPoint> all(String database) {
		List<StoredPoint> points = new ArrayList<>();
		for (String measurement : measurements(database)) {
			points.addAll(rows(database, measurement));
		}
		return points;
	}

	/** Every row of one measurement. */
	List<StoredPoint> rows(String database, String measurement) {
		List<StoredPoint> points = new ArrayList<>();
		for (Map<String, Object> series : query(database, "SELECT * FROM " + source(measurement) + " GROUP BY *")) {
			@SuppressWarnings("unchecked")
			Map<String, String> seriesTags = (Map<String, String>) series.getOrDefault("tags", Map.of());
			Map<String, String> tags = new TreeMap<>();
			seriesTags.forEach((key, value) -> {
				if (value != null && !value.isEmpty()) {
					tags.put(key, value);
				}
			});
			@SuppressWarnings("unchecked")
			List<String> columns = (List<String>) series.get("columns");
			for (List<Object> row : values(series)) {
				Map<String, Object> fields = new TreeMap<>();
				for (int i = 1; i < columns.size(); i++) {
					Object value = row.get(i);
					if (value != null) {
						fields.put(columns.get(i), (value instanceof Number number) ? (Object) number.longValue()
								: value);
					}
				}
				long time = ((Number) row.get(0)).longValue();
				points.add(new StoredPoint((String) series.get("name"), tags, fields, time));
			}
		}
		return points;
	}

	/**
	 * Posts one request of line protocol (millisecond timestamps) and returns the HTTP status, or -1
	 * when the answer cannot be read (InfluxDB echoes a line it cannot parse in a header, control
	 * characters included, which the JDK's client refuses).
	 */
	int write(String database, String lines) {
		URI uri = URI.create(this.influx.url() + "/write?precision=ms&db=" + encode(database));
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(TIMEOUT)
			.POST(HttpRequest.BodyPublishers.ofString(lines, StandardCharsets.UTF_8))
			.build();
		try {
			return send(request).statusCode();
		}
		catch (IllegalStateException ex) {
			if (ex.getCause() instanceof IOException) {
				return -1;
			}
			throw ex;
		}
	}

	/**
	 * The measurement as an InfluxQL source: an identifier in double quotes, or, when it holds a control
	 * character (InfluxQL reads a CR in a query as a line feed, which ends a quoted identifier), an
	 * anchored regular expression matching only it.
	 */
	static String source(String measurement) {
		if (measurement.chars().noneMatch(Character::isISOControl)) {
			return "\"" + measurement.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
		StringBuilder regex = new StringBuilder("/^");
		measurement.codePoints().forEach((c) -> {
			if (Character.isISOControl(c)) {
				regex.append(String.format("\\x{%X}", c));
			}
			else {
				regex.append(("\\.+*?()|[]{}^$/".indexOf(c) >= 0) ? "\\" : "").appendCodePoint(c);
			}
		});
		return regex.append("$/").toString();
	}

	/** The series of the first result; fails on an error or a partial result. */
	private List<Map<String, Object>> query(String database, String influxql) {
		String form = "db=" + encode(database) + "&epoch=ms&q=" + encode(influxql);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.influx.url() + "/query"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response = send(request);
		Map<String, Object> result = (response.statusCode() != 200) ? null
				: JsonPath.using(JSON).parse(response.body()).read("$.results[0]");
		if (result == null || result.containsKey("error") || Boolean.TRUE.equals(result.get("partial"))) {
			throw new IllegalStateException("InfluxQL '" + influxql + "' answered " + response.statusCode() + ": "
					+ response.body());
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> series = (List<Map<String, Object>>) result.get("series");
		return (series != null) ? series : List.of();
	}

	@SuppressWarnings("unchecked")
	private static List<List<Object>> values(Map<String, Object> series) {
		List<List<Object>> values = (List<List<Object>>) series.get("values");
		return (values != null) ? values : List.of();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
