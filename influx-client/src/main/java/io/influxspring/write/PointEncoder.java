package io.influxspring.write;

import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.SeriesCache;
import io.influxspring.write.lineprotocol.TagOrder;
import io.influxspring.write.lineprotocol.TagSet;
import org.jspecify.annotations.Nullable;

/** Writes a {@link Point} as line protocol, merging default tags in key order. */
final class PointEncoder {

	private PointEncoder() {
	}

	static void encode(Point point, LineProtocolBuffer out, WritePrecision precision, TagSet defaultTags,
			@Nullable WriteClock clock) {
		String measurement = point.getMeasurement();
		if (measurement == null || measurement.isEmpty()) {
			throw new IllegalArgumentException("A point needs a measurement");
		}
		if (!point.hasFields()) {
			throw new IllegalArgumentException("The point of measurement '" + measurement
					+ "' has no field to write (null, NaN and infinite values are skipped)");
		}
		appendSeries(point, measurement, out, defaultTags);
		for (int i = 0; i < point.fieldCount(); i++) {
			out.appendByte((i == 0) ? ' ' : ',');
			out.appendKey(point.fieldKey(i), "field key");
			out.appendByte('=');
			appendFieldValue(point, i, out);
		}
		if (point.hasTime()) {
			out.appendByte(' ');
			out.appendLong(point.timeIn(precision));
		}
		else if (clock != null) {
			out.appendByte(' ');
			out.appendLong(precision.convert(clock.stamp(), clock.precision()));
		}
	}

	private static void appendSeries(Point point, String measurement, LineProtocolBuffer out, TagSet defaults) {
		SeriesCache series = out.seriesCache();
		if (series == null) {
			out.appendMeasurement(measurement);
			appendTags(point, out, defaults);
			return;
		}
		String[] keys = point.tagKeys();
		String[] values = point.tagValues();
		int tags = point.tagCount();
		int set = series.set(measurement, keys, values, tags);
		if (!series.copy(set, measurement, keys, values, tags, defaults, out)) {
			int start = out.size();
			out.appendMeasurement(measurement);
			appendTags(point, out, defaults);
			series.wrote(set, measurement, keys, values, tags, defaults, out.array(), start, out.size());
		}
	}

	private static void appendTags(Point point, LineProtocolBuffer out, TagSet defaults) {
		int own = 0;
		int inherited = 0;
		while (own < point.tagCount() || inherited < defaults.size()) {
			int order;
			if (own == point.tagCount()) {
				order = 1;
			}
			else if (inherited == defaults.size()) {
				order = -1;
			}
			else {
				order = TagOrder.compare(point.tagKey(own), defaults.key(inherited));
			}
			if (order <= 0) {
				appendTag(out, point.tagKey(own), point.tagValue(own));
				own++;
				if (order == 0) {
					inherited++;
				}
			}
			else {
				appendTag(out, defaults.key(inherited), defaults.value(inherited));
				inherited++;
			}
		}
	}

	private static void appendTag(LineProtocolBuffer out, String key, String value) {
		out.appendByte(',');
		out.appendKey(key, "tag key");
		out.appendByte('=');
		out.appendKey(value, "tag value");
	}

	private static void appendFieldValue(Point point, int index, LineProtocolBuffer out) {
		long bits = point.fieldBits(index);
		switch (point.fieldType(index)) {
			case Point.FLOAT -> out.appendDoubleValue(Double.longBitsToDouble(bits));
			case Point.INTEGER -> out.appendIntegerValue(bits);
			case Point.UNSIGNED -> out.appendUnsignedValue(bits);
			case Point.BOOLEAN -> out.appendBooleanValue(bits != 0);
			default -> {
				String text = point.fieldString(index);
				out.appendStringValue((text != null) ? text : "");
			}
		}
	}

}
