package io.influxspring.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.influxspring.write.Point;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import org.jspecify.annotations.Nullable;

/** Which Java types map to what, and how a value of each is written. */
final class MemberValues {

	private static final BigInteger UNSIGNED_LIMIT = BigInteger.ONE.shiftLeft(64);

	private MemberValues() {
	}

	static boolean isFieldType(Class<?> type) {
		return type.isPrimitive() || isTextual(type) || Number.class.isAssignableFrom(type) || type == Boolean.class
				|| type == Character.class || type.isEnum();
	}

	static boolean isTagType(Class<?> type) {
		return isFieldType(type);
	}

	static boolean isTimestampType(Class<?> type) {
		return type == long.class || type == Long.class || type == Instant.class || type == OffsetDateTime.class
				|| type == ZonedDateTime.class || type == Date.class;
	}

	private static boolean isTextual(Class<?> type) {
		return CharSequence.class.isAssignableFrom(type);
	}

	/** The string form of a tag value, or {@code null} to leave the tag out. */
	static @Nullable String tagText(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = (value instanceof Enum<?> constant) ? constant.name() : value.toString();
		return text.isEmpty() ? null : text;
	}

	/**
	 * Appends a field value of a reference member; returns {@code false}, appending nothing, when
	 * the value is to be left out (a non-finite float).
	 */
	static boolean appendField(Object value, LineProtocolBuffer out) {
		if (value instanceof String text) {
			out.appendStringValue(text);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
				|| value instanceof AtomicLong
				|| value instanceof AtomicInteger) {
			out.appendIntegerValue(((Number) value).longValue());
		}
		else if (value instanceof Boolean flag) {
			out.appendBooleanValue(flag);
		}
		else if (value instanceof BigInteger big) {
			appendBigInteger(big, out);
		}
		else if (value instanceof Number number) {
			double real = (number instanceof BigDecimal decimal) ? decimal.doubleValue() : number.doubleValue();
			if (!Double.isFinite(real)) {
				return false;
			}
			out.appendDoubleValue(real);
		}
		else if (value instanceof Enum<?> constant) {
			out.appendStringValue(constant.name());
		}
		else {
			out.appendStringValue(value.toString());
		}
		return true;
	}

	private static void appendBigInteger(BigInteger big, LineProtocolBuffer out) {
		if (big.bitLength() < 64) {
			out.appendIntegerValue(big.longValue());
		}
		else if (big.signum() > 0 && big.compareTo(UNSIGNED_LIMIT) < 0) {
			out.appendUnsignedValue(big.longValue());
		}
		else {
			throw new IllegalArgumentException("value " + big + " does not fit in 64 bits");
		}
	}

	/** Adds a reference member's value to a point under construction. */
	static void putField(Point point, String key, Object value) {
		if (value instanceof String text) {
			point.field(key, text);
		}
		else if (value instanceof Number number) {
			point.field(key, number);
		}
		else if (value instanceof Boolean flag) {
			point.field(key, flag.booleanValue());
		}
		else if (value instanceof Enum<?> constant) {
			point.field(key, constant.name());
		}
		else {
			point.field(key, value.toString());
		}
	}

	/** A timestamp value in the write precision; {@code value} is non-null. */
	static long timestamp(Object value, WritePrecision sourcePrecision, WritePrecision precision) {
		if (value instanceof Long count) {
			return precision.convert(count, sourcePrecision);
		}
		return precision.convert(instant(value));
	}

	static Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.toInstant();
		}
		if (value instanceof ZonedDateTime dateTime) {
			return dateTime.toInstant();
		}
		return ((Date) value).toInstant();
	}

}
