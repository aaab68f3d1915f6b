package io.influxspring.mapping;

import io.influxspring.write.Point;
import io.influxspring.write.WriteClock;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.TagOrder;
import io.influxspring.write.lineprotocol.TagSet;
import org.jspecify.annotations.Nullable;

/**
 * How instances of one type are written: the measurement and keys encoded once, tags in key
 * order, fields in declaration order, and an accessor per member. Immutable and thread-safe.
 */
final class MeasurementPlan {

	private static final ThreadLocal<String[]> TAG_VALUES = ThreadLocal.withInitial(() -> new String[16]);

	private final Class<?> type;

	private final String measurement;

	private final EncodedName encodedMeasurement;

	private final MappedMember[] tags;

	private final MappedMember[] fields;

	private final @Nullable MappedMember timestamp;

	private final WritePrecision timestampPrecision;

	MeasurementPlan(Class<?> type, String measurement, EncodedName encodedMeasurement, MappedMember[] tags,
			MappedMember[] fields, @Nullable MappedMember timestamp, WritePrecision timestampPrecision) {
		this.type = type;
		this.measurement = measurement;
		this.encodedMeasurement = encodedMeasurement;
		this.tags = tags;
		this.fields = fields;
		this.timestamp = timestamp;
		this.timestampPrecision = timestampPrecision;
	}

	String measurement() {
		return this.measurement;
	}

	/** Appends one line (without line feed); on failure nothing is appended. */
	void appendTo(Object object, LineProtocolBuffer out, WritePrecision precision, TagSet defaults,
			@Nullable WriteClock clock) {
		int start = out.size();
		try {
			this.encodedMeasurement.appendTo(out);
			appendTags(object, out, defaults);
			appendFields(object, out);
			appendTimestamp(object, out, precision, clock);
		}
		catch (RuntimeException ex) {
			out.truncate(start);
			throw ex;
		}
	}

	private void appendTags(Object object, LineProtocolBuffer out, TagSet defaults) {
		if (defaults.size() == 0) {
			for (MappedMember tag : this.tags) {
				String value = MemberValues.tagText(read(tag, object));
				if (value != null) {
					appendTag(out, tag.encodedKey(), value, tag);
				}
			}
			return;
		}
		String[] values = TAG_VALUES.get();
		if (values.length < this.tags.length) {
			values = new String[this.tags.length];
			TAG_VALUES.set(values);
		}
		for (int i = 0; i < this.tags.length; i++) {
			values[i] = MemberValues.tagText(read(this.tags[i], object));
		}
		int own = 0;
		int inherited = 0;
		while (own < this.tags.length || inherited < defaults.size()) {
			int order = (own == this.tags.length) ? 1 : (inherited == defaults.size()) ? -1
					: TagOrder.compare(this.tags[own].key(), defaults.key(inherited));
			if (order < 0 || (order == 0 && values[own] != null)) {
				if (values[own] != null) {
					appendTag(out, this.tags[own].encodedKey(), values[own], this.tags[own]);
				}
				own++;
				inherited += (order == 0) ? 1 : 0;
			}
			else {
				out.appendByte(',');
				out.appendKey(defaults.key(inherited), "tag key");
				out.appendByte('=');
				out.appendKey(defaults.value(inherited), "tag value");
				inherited++;
				own += (order == 0) ? 1 : 0;
			}
		}
	}

	private static void appendTag(LineProtocolBuffer out, EncodedName encodedKey, String value, MappedMember tag) {
		out.appendByte(',');
		encodedKey.appendTo(out);
		try {
			out.appendKey(value, "tag value");
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Cannot write " + tag.description() + ": " + ex.getMessage(), ex);
		}
	}

	private void appendFields(Object object, LineProtocolBuffer out) {
		boolean first = true;
		for (MappedMember field : this.fields) {
			int before = out.size();
			out.appendByte(first ? ' ' : ',');
			field.encodedKey().appendTo(out);
			if (appendFieldValue(field, object, out)) {
				first = false;
			}
			else {
				out.truncate(before);
			}
		}
		if (first) {
			throw new IllegalArgumentException("The " + this.type.getName() + " has no field to write: every @InfluxField is"
					+ " null or a non-finite float");
		}
	}

	private static boolean appendFieldValue(MappedMember field, Object object, LineProtocolBuffer out) {
		try {
			switch (field.kind()) {
				case INTEGER -> out.appendIntegerValue((long) field.getter().invokeExact(object));
				case FLOAT -> {
					double value = (double) field.getter().invokeExact(object);
					if (!Double.isFinite(value)) {
						return false;
					}
					out.appendDoubleValue(value);
				}
				case BOOLEAN -> out.appendBooleanValue((boolean) field.getter().invokeExact(object));
				case CHAR -> out.appendStringValue(String.valueOf((char) (int) field.getter().invokeExact(object)));
				default -> {
					Object value = (Object) field.getter().invokeExact(object);
					return value != null && MemberValues.appendField(value, out);
				}
			}
			return true;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Cannot write " + field.description() + ": " + ex.getMessage(), ex);
		}
		catch (Throwable ex) {
			throw rethrow(ex);
		}
	}

	private void appendTimestamp(Object object, LineProtocolBuffer out, WritePrecision precision,
			@Nullable WriteClock clock) {
		MappedMember member = this.timestamp;
		long time;
		try {
			if (member != null && member.kind() == MappedMember.Kind.INTEGER) {
				time = precision.convert((long) member.getter().invokeExact(object), this.timestampPrecision);
			}
			else {
				Object value = (member != null) ? (Object) member.getter().invokeExact(object) : null;
				if (value != null) {
					time = MemberValues.timestamp(value, this.timestampPrecision, precision);
				}
				else if (clock != null) {
					time = precision.convert(clock.stamp(), clock.precision());
				}
				else {
					return;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			String what = (member != null) ? member.description() : "the client timestamp";
			throw new IllegalArgumentException("Cannot write " + what + ": " + ex.getMessage(), ex);
		}
		catch (Throwable ex) {
			throw rethrow(ex);
		}
		out.appendByte(' ');
		out.appendLong(time);
	}

	/** The same data as a {@link Point}. */
	Point toPoint(Object object) {
		Point point = Point.measurement(this.measurement);
		for (MappedMember tag : this.tags) {
			point.tag(tag.key(), MemberValues.tagText(read(tag, object)));
		}
		for (MappedMember field : this.fields) {
			try {
				switch (field.kind()) {
					case INTEGER -> point.field(field.key(), (long) field.getter().invokeExact(object));
					case FLOAT -> point.field(field.key(), (double) field.getter().invokeExact(object));
					case BOOLEAN -> point.field(field.key(), (boolean) field.getter().invokeExact(object));
					case CHAR -> point.field(field.key(), String.valueOf((char) (int) field.getter().invokeExact(object)));
					default -> {
						Object value = (Object) field.getter().invokeExact(object);
						if (value != null) {
							MemberValues.putField(point, field.key(), value);
						}
					}
				}
			}
			catch (Throwable ex) {
				throw rethrow(ex);
			}
		}
		MappedMember member = this.timestamp;
		if (member != null) {
			Object value = read(member, object);
			if (value instanceof Long count) {
				point.time(count, this.timestampPrecision);
			}
			else if (value != null) {
				point.time(MemberValues.instant(value));
			}
		}
		return point;
	}

	private static @Nullable Object read(MappedMember member, Object object) {
		try {
			return switch (member.kind()) {
				case INTEGER -> (long) member.getter().invokeExact(object);
				case FLOAT -> (double) member.getter().invokeExact(object);
				case BOOLEAN -> (boolean) member.getter().invokeExact(object);
				case CHAR -> (char) (int) member.getter().invokeExact(object);
				default -> (Object) member.getter().invokeExact(object);
			};
		}
		catch (Throwable ex) {
			throw rethrow(ex);
		}
	}

	private static RuntimeException rethrow(Throwable ex) {
		if (ex instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (ex instanceof Error error) {
			throw error;
		}
		return new IllegalStateException("Reading a mapped member failed", ex);
	}

}
