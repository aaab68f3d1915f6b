package io.influxspring.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.influxspring.e2e.HostileText.Role;
import io.influxspring.write.Point;
import io.influxspring.write.lineprotocol.LineProtocolDialect;

/**
 * A point of hostile names and string values, identified by its {@code seq}: its timestamp is
 * {@code seq} milliseconds after {@link #START}, and it has an integer field {@code seq} besides its
 * string fields.
 *
 * @param seq the point's number, unique in a run
 * @param measurement the measurement
 * @param tags tag keys and (non-empty) values
 * @param fields string field keys and values
 */
record FidelityPoint(long seq, String measurement, SortedMap<String, String> tags, Map<String, String> fields) {

	static final Instant START = Instant.parse("2024-09-01T00:00:00Z");

	/** The name of the integer field every point has. */
	static final String SEQ = "seq";

	/** The point's time in milliseconds since the epoch. */
	long epochMilli() {
		return START.toEpochMilli() + this.seq;
	}

	/** The point as given to a {@code WriteApi}. */
	Point toPoint() {
		Point point = Point.measurement(this.measurement).time(START.plusMillis(this.seq));
		this.tags.forEach(point::tag);
		this.fields.forEach(point::field);
		return point.field(SEQ, this.seq);
	}

	/** The point as it must be read back. */
	StoredPoint expected() {
		Map<String, Object> all = new TreeMap<>(this.fields);
		all.put(SEQ, this.seq);
		return new StoredPoint(this.measurement, new TreeMap<>(this.tags), all, epochMilli());
	}

	/**
	 * The texts that {@code dialect}'s rules reject (see {@link HostileText}), each in its place; empty
	 * when the point must be accepted.
	 */
	List<String> offending(LineProtocolDialect dialect) {
		List<String> offending = new ArrayList<>();
		add(offending, this.measurement, Role.MEASUREMENT, dialect);
		this.tags.forEach((key, value) -> {
			add(offending, key, Role.TAG_KEY, dialect);
			add(offending, value, Role.TAG_VALUE, dialect);
		});
		this.fields.forEach((key, value) -> {
			add(offending, key, Role.FIELD_KEY, dialect);
			add(offending, value, Role.STRING_VALUE, dialect);
		});
		return offending;
	}

	private static void add(List<String> offending, String text, Role role, LineProtocolDialect dialect) {
		if (HostileText.rejected(text, role, dialect)) {
			offending.add(text);
		}
	}

	@Override
	public String toString() {
		return StoredPoint.describe("#" + this.seq, this.measurement, this.tags, this.fields);
	}

}
