package io.influxspring.write.lineprotocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.influxspring.write.Point;
import io.influxspring.write.WritePrecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Series copied from the cache are exactly the series escaped anew, and only the same strings hit. */
class SeriesCacheTest {

	private static final String[] MEASUREMENTS = { "cpu", "disk io", "a=b,c", "m\\easure" };

	private static final String[] VALUES = { "server-01", "server-02", "eu west", "k=v", "a,b", "é-ünïcode",
			"x".repeat(60), "tail\\", "plain" };

	@Test
	void linesWrittenWithTheCacheAreTheLinesWrittenWithoutIt() {
		Random random = new Random(5);
		TagSet[] defaults = { TagSet.empty(), TagSet.of(Map.of("app", "sample", "zone", "z 1")),
				TagSet.of(Map.of("host", "default-host")) };
		LineProtocolBuffer cached = new LineProtocolBuffer(256);
		List<Point> kept = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			kept.add(randomPoint(random, i));
		}
		for (int i = 0; i < 20_000; i++) {
			LineProtocolDialect dialect = (i / 3000 % 2 == 0) ? LineProtocolDialect.INFLUXDB
					: LineProtocolDialect.PORTABLE;
			Point point = (random.nextInt(5) == 0) ? randomPoint(random, i) : kept.get(random.nextInt(kept.size()));
			TagSet tags = defaults[random.nextInt(defaults.length)];
			cached.dialect(dialect);
			cached.reset();
			String expected = encode(point, new LineProtocolBuffer(256, dialect), tags);
			String actual = encode(point, cached, tags);
			assertThat(actual).as("point %d in %s", i, dialect).isEqualTo(expected);
		}
		assertThat(cached.seriesCache()).isNotNull();
	}

	@Test
	void aBufferKeepsNoCacheUntilItHasWrittenManyLines() {
		LineProtocolBuffer buffer = new LineProtocolBuffer(256);
		Point point = Point.measurement("cpu").tag("host", "a").field("usage", 1.0);
		for (int i = 0; i < 1000; i++) {
			point.appendTo(buffer, WritePrecision.NS, TagSet.empty());
		}
		assertThat(buffer.seriesCache()).isNull();
		for (int i = 0; i < 1000; i++) {
			point.appendTo(buffer, WritePrecision.NS, TagSet.empty());
		}
		assertThat(buffer.seriesCache()).isNotNull();
	}

	@Test
	void aTagValueRefusedIsRefusedEveryTimeAfterItsSeriesWasWritten() {
		LineProtocolBuffer buffer = new LineProtocolBuffer(256);
		String host = "server-01";
		for (int i = 0; i < 2000; i++) {
			Point.measurement("cpu").tag("host", host).field("usage", 1.0).appendTo(buffer, WritePrecision.NS,
					TagSet.empty());
		}
		for (int i = 0; i < 3; i++) {
			int size = buffer.size();
			Point bad = Point.measurement("cpu").tag("host", "line\nbreak").field("usage", 1.0);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> bad.appendTo(buffer, WritePrecision.NS, TagSet.empty()))
				.withMessageContaining("tag value");
			assertThat(buffer.size()).isEqualTo(size);
		}
	}

	@Test
	void onlyTheSameInstancesHitAndEachSetKeepsTheTwoSeriesUsedLast() {
		SeriesCache cache = new SeriesCache();
		String[] keys = { "host" };
		List<String[]> colliding = new ArrayList<>();
		int set = -1;
		for (int i = 0; colliding.size() < 3; i++) {
			String[] values = { "host-" + i };
			int candidate = cache.set("cpu", keys, values, 1);
			if (set == -1) {
				set = candidate;
			}
			if (candidate == set) {
				colliding.add(values);
			}
		}
		String[] a = colliding.get(0);
		String[] b = colliding.get(1);
		String[] c = colliding.get(2);
		write(cache, set, a);
		write(cache, set, b);
		assertThat(hits(cache, set, a)).isTrue();
		write(cache, set, c);
		assertThat(hits(cache, set, a)).isTrue();
		assertThat(hits(cache, set, b)).isFalse();
		assertThat(hits(cache, set, c)).isTrue();
		assertThat(hits(cache, set, new String[] { new String(a[0]) })).isFalse();
		LineProtocolBuffer out = new LineProtocolBuffer(64);
		assertThat(cache.copy(set, "cpu", keys, a, 1, TagSet.of(Map.of("zone", "z")), out)).isFalse();
		assertThat(cache.copy(set, "cpu", keys, a, 1, TagSet.empty(), out)).isTrue();
		assertThat(text(out)).isEqualTo("cpu,host=" + a[0]);
	}

	@Test
	void aSeriesWithTooManyTagsOrBytesIsWrittenButNotKept() {
		SeriesCache cache = new SeriesCache();
		String[] keys = { "a", "b", "c", "d", "e", "f", "g" };
		assertThat(cache.set("cpu", keys, keys, 7)).isEqualTo(-1);
		String[] values = { "v".repeat(100) };
		int set = cache.set("cpu", new String[] { "k" }, values, 1);
		byte[] series = ("cpu,k=" + values[0]).getBytes(StandardCharsets.UTF_8);
		cache.wrote(set, "cpu", new String[] { "k" }, values, 1, TagSet.empty(), series, 0, series.length);
		assertThat(cache.copy(set, "cpu", new String[] { "k" }, values, 1, TagSet.empty(), new LineProtocolBuffer()))
			.isFalse();
	}

	private static void write(SeriesCache cache, int set, String[] values) {
		byte[] series = ("cpu,host=" + values[0]).getBytes(StandardCharsets.UTF_8);
		cache.wrote(set, "cpu", new String[] { "host" }, values, 1, TagSet.empty(), series, 0, series.length);
	}

	private static boolean hits(SeriesCache cache, int set, String[] values) {
		return cache.copy(set, "cpu", new String[] { "host" }, values, 1, TagSet.empty(), new LineProtocolBuffer());
	}

	private static Point randomPoint(Random random, int i) {
		Point point = Point.measurement(MEASUREMENTS[random.nextInt(MEASUREMENTS.length)]);
		int tags = random.nextInt(9);
		for (int t = 0; t < tags; t++) {
			String value = VALUES[random.nextInt(VALUES.length)];
			point.tag("tag" + random.nextInt(10), (random.nextInt(10) == 0) ? new String(value) : value);
		}
		if (random.nextInt(500) == 0) {
			point.tag("bad", "line\nbreak");
		}
		return point.field("value", i).time(i, WritePrecision.NS);
	}

	private static String encode(Point point, LineProtocolBuffer buffer, TagSet tags) {
		try {
			point.appendTo(buffer, WritePrecision.NS, tags);
			return text(buffer);
		}
		catch (IllegalArgumentException ex) {
			return "refused: " + ex.getMessage();
		}
	}

	private static String text(LineProtocolBuffer buffer) {
		return new String(buffer.array(), 0, buffer.size(), StandardCharsets.UTF_8);
	}

}
