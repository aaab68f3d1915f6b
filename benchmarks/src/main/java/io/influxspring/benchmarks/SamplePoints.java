package io.influxspring.benchmarks;

import io.influxspring.write.Point;
import io.influxspring.write.WritePrecision;

/**
 * The point every benchmark writes: measurement {@code cpu}, tags {@code host} (cycling over 64
 * values) and {@code region}, fields {@code usage} (float), {@code count} (integer) and {@code ok}
 * (boolean), and a distinct nanosecond timestamp. Point {@code i} has the same values in every client.
 */
public final class SamplePoints {

	/** The timestamp of point 0, in nanoseconds. */
	public static final long FIRST_TIME_NANOS = 1_700_000_000_000_000_000L;

	public static final String MEASUREMENT = "cpu";

	public static final String REGION = "eu-west";

	private static final String[] HOSTS = new String[64];

	static {
		for (int i = 0; i < HOSTS.length; i++) {
			HOSTS[i] = String.format("server-%02d", i);
		}
	}

	private SamplePoints() {
	}

	public static String host(long i) {
		return HOSTS[(int) (i & 63)];
	}

	public static double usage(long i) {
		return (i % 100) / 100.0;
	}

	public static long count(long i) {
		return i;
	}

	public static boolean ok(long i) {
		return (i & 1) == 0;
	}

	public static long timeNanos(long i) {
		return FIRST_TIME_NANOS + i;
	}

	/** Point {@code i} built with this project's {@link Point}. */
	public static Point point(long i) {
		return fill(Point.measurement(MEASUREMENT), i);
	}

	/** Point {@code i} in a point of measurement {@link #MEASUREMENT}, cleared first, for reuse. */
	public static Point fill(Point point, long i) {
		return point.clear()
			.tag("host", host(i))
			.tag("region", REGION)
			.field("usage", usage(i))
			.field("count", count(i))
			.field("ok", ok(i))
			.time(timeNanos(i), WritePrecision.NS);
	}

	/** Point {@code i} built with the official InfluxDB client's point class. */
	public static com.influxdb.client.write.Point officialPoint(long i) {
		return com.influxdb.client.write.Point.measurement(MEASUREMENT)
			.addTag("host", host(i))
			.addTag("region", REGION)
			.addField("usage", usage(i))
			.addField("count", count(i))
			.addField("ok", ok(i))
			.time(timeNanos(i), com.influxdb.client.domain.WritePrecision.NS);
	}

}
