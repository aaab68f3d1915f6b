package io.influxspring.e2e;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.write.Point;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line protocol the Spring-managed writer sends with its default settings
 * ({@link LineProtocolDialect#INFLUXDB}) is stored exactly by a real InfluxDB 1.6: thousands of seeded
 * random points of backslashes, quotes, separators, control characters, hashes and Unicode in every
 * element are either stored with exactly their measurement, tags and fields, or rejected at the call
 * with a message naming the value; none is lost, and the server holds nothing else. For the rejected
 * points, what InfluxDB 1.6 alone would have stored of them (written with plain escaping straight to
 * a second database) is counted, to show what the rules give up for InfluxDB 2.x and 3.x. Real-world
 * values (paths, regular expressions, JSON, SQL, stack traces, URLs) are stored exactly too.
 */
class InfluxDb1LineProtocolFidelityE2eTest {

	private static final int POINTS = 3200;

	private static final String DATABASE = "fidelity";

	private static final String ALONE = "alone";

	private static final LineProtocolDialect DIALECT = LineProtocolDialect.INFLUXDB;

	private static final Pattern ROLE = Pattern.compile("^The ([a-z ]+) '");

	private static final Pattern REASON = Pattern.compile("line break|control character U\\+[0-9A-F]{4}"
			+ "|ends with a backslash|run of backslashes|backslash before '.'|is reserved|starts with '#'"
			+ "|unpaired UTF-16 surrogate", Pattern.DOTALL);

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server();

	@Test
	void hostilePointsAreStoredExactlyOrRejectedAtTheCall() {
		influx.createDatabase(DATABASE);
		influx.createDatabase(ALONE);
		FidelityPoints generator = new FidelityPoints(20250917L);
		Map<Long, FidelityPoint> accepted = new LinkedHashMap<>();
		Map<FidelityPoint, String> rejected = new LinkedHashMap<>();
		AtomicReference<WriteStatistics> statistics = new AtomicReference<>();
		ManagedWriter.influxDb1(influx, DATABASE).run((context) -> {
			BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
			for (int i = 0; i < POINTS; i++) {
				FidelityPoint point = generator.next();
				try {
					writer.writePoint(point.toPoint());
					accepted.put(point.epochMilli(), point);
				}
				catch (IllegalArgumentException ex) {
					rejected.put(point, ex.getMessage());
				}
			}
			writer.flush().get(30, TimeUnit.SECONDS);
			context.close();
			statistics.set(writer.getStatistics());
		});
		StoredPoints reader = new StoredPoints(influx);
		List<StoredPoint> stored = reader.all(DATABASE);
		StoredComparison comparison = StoredComparison.of(accepted, stored);
		Set<FidelityPoint> storedByItself = storedByInfluxDbAlone(reader, rejected.keySet());
		System.out.printf("fidelity: offered %d, rejected at call %d (InfluxDB 1.6 alone would store %d of them"
				+ " exactly), stored exactly %d, wrong %d, lost %d%n", POINTS, rejected.size(), storedByItself.size(),
				comparison.exact(), comparison.wrong().size(), comparison.lost().size());
		System.out.println("fidelity: rejected by reason (stored exactly by InfluxDB 1.6 alone / rejected): "
				+ byReason(rejected, storedByItself));
		WriteStatistics stats = statistics.get();
		assertThat(unexpected(accepted.values(), rejected.keySet())).as("points accepted or rejected against the rules")
			.isEmpty();
		assertThat(unnamed(rejected)).as("rejections whose message does not name the rejected value").isEmpty();
		assertThat(rejected.size()).as("points rejected at the call").isPositive().isLessThan(POINTS / 2);
		assertThat(comparison.wrong()).as("rows stored differently from what was written").isEmpty();
		assertThat(comparison.lost()).as("points accepted and not stored").isEmpty();
		assertThat(comparison.exact()).as("points stored exactly").isEqualTo(accepted.size());
		assertThat(stored).as("rows stored").hasSize(accepted.size());
		assertThat(stats.offered()).as("lines offered").isEqualTo(accepted.size());
		assertThat(stats.written()).as("lines written").isEqualTo(accepted.size());
		assertThat(stats.failed()).as("lines failed").isZero();
		assertThat(stats.dropped()).as("lines dropped").isZero();
		assertThat(new TreeSet<>(reader.measurements(DATABASE))).as("measurements")
			.isEqualTo(new TreeSet<>(accepted.values().stream().map(FidelityPoint::measurement).toList()));
	}

	@Test
	void realWorldValuesAreStoredExactly() {
		influx.createDatabase("corpus");
		Map<Long, FidelityPoint> written = new LinkedHashMap<>();
		List<String> rejected = new ArrayList<>();
		List<String> acceptedAsTagValues = new ArrayList<>();
		ManagedWriter.influxDb1(influx, "corpus").run((context) -> {
			BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
			for (String value : RealWorldValues.NAMES) {
				write(writer, new FidelityPoint(written.size() + rejected.size(), "corpus", tags("value", value),
						Map.of("text", value)), written, rejected);
			}
			for (String value : RealWorldValues.TEXT_ONLY) {
				write(writer, new FidelityPoint(written.size() + rejected.size(), "corpus", tags("value", "text only"),
						Map.of("text", value)), written, rejected);
				if (acceptsAsTagValue(value)) {
					acceptedAsTagValues.add(HostilePoints.visible(value));
				}
			}
			writer.flush().get(30, TimeUnit.SECONDS);
		});
		List<StoredPoint> stored = new StoredPoints(influx).all("corpus");
		StoredComparison comparison = StoredComparison.of(written, stored);
		System.out.printf("corpus: %d values as tag values and string fields, %d as string fields only, rejected %d,"
				+ " stored exactly %d, wrong %d, lost %d%n", RealWorldValues.NAMES.size(),
				RealWorldValues.TEXT_ONLY.size(), rejected.size(), comparison.exact(), comparison.wrong().size(),
				comparison.lost().size());
		assertThat(rejected).as("values rejected at the call").isEmpty();
		assertThat(comparison.wrong()).as("values stored differently").isEmpty();
		assertThat(comparison.lost()).as("values not stored").isEmpty();
		assertThat(comparison.exact()).as("values stored exactly")
			.isEqualTo(RealWorldValues.NAMES.size() + RealWorldValues.TEXT_ONLY.size());
		assertThat(acceptedAsTagValues).as("text-only values accepted as tag values").isEmpty();
	}

	private static void write(BatchingWriteApi writer, FidelityPoint point, Map<Long, FidelityPoint> written,
			List<String> rejected) {
		try {
			writer.writePoint(point.toPoint());
			written.put(point.epochMilli(), point);
		}
		catch (IllegalArgumentException ex) {
			rejected.add(point + ": " + ex.getMessage());
		}
	}

	/** Whether the default rules, the writer's, accept {@code value} as a tag value. */
	private static boolean acceptsAsTagValue(String value) {
		try {
			Point.measurement("corpus").tag("value", value).field("n", 1L).toLineProtocol();
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static SortedMap<String, String> tags(String key, String value) {
		SortedMap<String, String> tags = new TreeMap<>();
		tags.put(key, value);
		return tags;
	}

	/**
	 * Writes each rejected point with {@link PlainLineProtocol} to a database of its own, one request
	 * per line (so that no line spoils another), and counts those stored exactly.
	 */
	private static Set<FidelityPoint> storedByInfluxDbAlone(StoredPoints reader, Iterable<FidelityPoint> rejected) {
		Map<Long, FidelityPoint> byTime = new LinkedHashMap<>();
		for (FidelityPoint point : rejected) {
			reader.write(ALONE, PlainLineProtocol.line(point) + "\n");
			byTime.put(point.epochMilli(), point);
		}
		Set<FidelityPoint> exact = new HashSet<>();
		for (String measurement : reader.measurements(ALONE)) {
			List<StoredPoint> rows;
			try {
				rows = reader.rows(ALONE, measurement);
			}
			catch (IllegalStateException unreadable) {
				continue;
			}
			for (StoredPoint row : rows) {
				FidelityPoint point = byTime.get(row.epochMilli());
				if (point != null && point.expected().equals(row)) {
					exact.add(point);
				}
			}
		}
		return exact;
	}

	/** Per role and reason of the rejection: how many points InfluxDB 1.6 alone stored exactly, of how many. */
	private static Map<String, String> byReason(Map<FidelityPoint, String> rejected,
			Set<FidelityPoint> storedByItself) {
		Map<String, int[]> counts = new TreeMap<>();
		rejected.forEach((point, message) -> {
			Matcher role = ROLE.matcher(message);
			Matcher reason = REASON.matcher(message);
			String why = message;
			while (reason.find()) {
				why = reason.group();
			}
			String key = (role.find() ? role.group(1) : "?") + ": " + HostilePoints.visible(why);
			int[] count = counts.computeIfAbsent(key, (any) -> new int[2]);
			count[0] += storedByItself.contains(point) ? 1 : 0;
			count[1]++;
		});
		Map<String, String> shown = new LinkedHashMap<>();
		counts.forEach((key, count) -> shown.put(key, count[0] + "/" + count[1]));
		return shown;
	}

	/** Points whose fate at the call differs from {@link HostileText}'s rules. */
	private static List<String> unexpected(Iterable<FidelityPoint> accepted, Iterable<FidelityPoint> rejected) {
		List<String> unexpected = new ArrayList<>();
		accepted.forEach((point) -> {
			if (!point.offending(DIALECT).isEmpty()) {
				unexpected.add("accepted: " + point);
			}
		});
		rejected.forEach((point) -> {
			if (point.offending(DIALECT).isEmpty()) {
				unexpected.add("rejected: " + point);
			}
		});
		return unexpected;
	}

	/**
	 * Rejections whose message does not quote one of the point's offending values (or its first 32
	 * characters, line breaks shown as {@code \n} and {@code \r}).
	 */
	private static List<String> unnamed(Map<FidelityPoint, String> rejected) {
		List<String> unnamed = new ArrayList<>();
		rejected.forEach((point, message) -> {
			boolean named = point.offending(DIALECT).stream().anyMatch((text) -> message.contains(quoted(text)));
			if (!named) {
				unnamed.add(point + ": " + HostilePoints.visible(message));
			}
		});
		return unnamed;
	}

	private static String quoted(String text) {
		String shown = text.replace("\n", "\\n").replace("\r", "\\r");
		return (shown.length() <= 32) ? "'" + shown + "'" : "'" + shown.substring(0, 32);
	}

}
