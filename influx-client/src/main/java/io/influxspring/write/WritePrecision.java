package io.influxspring.write;

import java.time.Instant;
import java.util.Locale;

/**
 * The precision of timestamps in line protocol, as sent in the {@code precision} query parameter.
 *
 * @since 0.1.0
 */
public enum WritePrecision {

	/** Nanoseconds. */
	NS("ns", 1),

	/** Microseconds. */
	US("us", 1_000),

	/** Milliseconds. */
	MS("ms", 1_000_000),

	/** Seconds. */
	S("s", 1_000_000_000);

	private final String queryValue;

	private final long nanos;

	WritePrecision(String queryValue, long nanos) {
		this.queryValue = queryValue;
		this.nanos = nanos;
	}

	/** The value of the {@code precision} query parameter: {@code ns}, {@code us}, {@code ms} or {@code s}. */
	public String queryValue() {
		return this.queryValue;
	}

	/**
	 * The precision named by a query value or constant name, case-insensitively.
	 * @throws IllegalArgumentException for any other text
	 */
	public static WritePrecision fromQueryValue(String text) {
		String wanted = text.trim().toLowerCase(Locale.ROOT);
		for (WritePrecision precision : values()) {
			if (precision.queryValue.equals(wanted)) {
				return precision;
			}
		}
		throw new IllegalArgumentException("Unknown write precision '" + text + "': expected ns, us, ms or s");
	}

	/**
	 * Converts a timestamp in {@code source} precision to this precision, rounding towards negative
	 * infinity when this precision is coarser.
	 * @throws IllegalArgumentException if the result does not fit in a long
	 */
	public long convert(long value, WritePrecision source) {
		if (source == this) {
			return value;
		}
		if (source.nanos > this.nanos) {
			long factor = source.nanos / this.nanos;
			if (value > Long.MAX_VALUE / factor || value < Long.MIN_VALUE / factor) {
				throw new IllegalArgumentException("Timestamp " + value + " " + source.queryValue
						+ " cannot be expressed in " + this.queryValue + " without overflow");
			}
			return value * factor;
		}
		return Math.floorDiv(value, this.nanos / source.nanos);
	}

	/**
	 * Converts an instant to a timestamp in this precision, rounding towards negative infinity.
	 * @throws IllegalArgumentException if the result does not fit in a long
	 */
	public long convert(Instant instant) {
		long seconds = instant.getEpochSecond();
		long secondsInUnit = S.nanos / this.nanos;
		if (seconds > Long.MAX_VALUE / secondsInUnit - 1 || seconds < Long.MIN_VALUE / secondsInUnit + 1) {
			throw new IllegalArgumentException(
					"Timestamp " + instant + " cannot be expressed in " + this.queryValue + " without overflow");
		}
		return seconds * secondsInUnit + instant.getNano() / this.nanos;
	}

}
