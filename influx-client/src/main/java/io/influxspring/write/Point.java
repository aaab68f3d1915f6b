package io.influxspring.write;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.TagOrder;
import io.influxspring.write.lineprotocol.TagSet;
import org.jspecify.annotations.Nullable;

/**
 * One line of line protocol: a measurement, tags, fields and an optional timestamp.
 * <p>
 * Built fluently; {@code null} values are ignored, NaN and infinite floats are skipped, a tag with an
 * empty value is left out, and setting a tag or field again replaces it. A point without a
 * measurement, or with no field left, is rejected with an {@link IllegalArgumentException} when it
 * is written. Not thread-safe: build a point on one thread, then hand it to a {@link WriteApi}.
 *
 * @since 0.1.0
 */
public final class Point {

	static final byte FLOAT = 0;

	static final byte INTEGER = 1;

	static final byte UNSIGNED = 2;

	static final byte BOOLEAN = 3;

	static final byte STRING = 4;

	private static final BigInteger UNSIGNED_LIMIT = BigInteger.ONE.shiftLeft(64);

	private final @Nullable String measurement;

	private String[] tagKeys = new String[4];

	private String[] tagValues = new String[4];

	private int tagCount;

	private String[] fieldKeys = new String[4];

	private byte[] fieldTypes = new byte[4];

	private long[] fieldBits = new long[4];

	/** The values of string fields, made with the first one: most points have none. */
	private @Nullable String @Nullable [] fieldStrings;

	private int fieldCount;

	private long time;

	private @Nullable WritePrecision timePrecision;

	private @Nullable Instant timeInstant;

	private Point(@Nullable String measurement) {
		this.measurement = measurement;
	}

	/** Starts a point of the given measurement. */
	public static Point measurement(@Nullable String measurement) {
		return new Point(measurement);
	}

	/**
	 * Adds or replaces a tag; a {@code null} or empty value removes the tag, and a tag with an empty
	 * key is left out.
	 */
	public Point tag(String key, @Nullable String value) {
		Objects.requireNonNull(key, "Tag key must not be null");
		if (key.isEmpty()) {
			return this;
		}
		if (value == null || value.isEmpty()) {
			return removeTag(key);
		}
		int low = 0;
		int high = this.tagCount - 1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			int order = TagOrder.compare(this.tagKeys[middle], key);
			if (order == 0) {
				this.tagValues[middle] = value;
				return this;
			}
			if (order < 0) {
				low = middle + 1;
			}
			else {
				high = middle - 1;
			}
		}
		if (this.tagCount == this.tagKeys.length) {
			this.tagKeys = Arrays.copyOf(this.tagKeys, this.tagCount * 2);
			this.tagValues = Arrays.copyOf(this.tagValues, this.tagCount * 2);
		}
		System.arraycopy(this.tagKeys, low, this.tagKeys, low + 1, this.tagCount - low);
		System.arraycopy(this.tagValues, low, this.tagValues, low + 1, this.tagCount - low);
		this.tagKeys[low] = key;
		this.tagValues[low] = value;
		this.tagCount++;
		return this;
	}

	private Point removeTag(String key) {
		for (int i = 0; i < this.tagCount; i++) {
			if (this.tagKeys[i].equals(key)) {
				System.arraycopy(this.tagKeys, i + 1, this.tagKeys, i, this.tagCount - i - 1);
				System.arraycopy(this.tagValues, i + 1, this.tagValues, i, this.tagCount - i - 1);
				this.tagCount--;
				this.tagKeys[this.tagCount] = null;
				this.tagValues[this.tagCount] = null;
				break;
			}
		}
		return this;
	}

	/** Adds a float field; NaN and infinities are skipped. */
	public Point field(String key, double value) {
		return Double.isFinite(value) ? putField(key, FLOAT, Double.doubleToRawLongBits(value), null) : this;
	}

	/** Adds an integer field (also for {@code int}, {@code short} and {@code byte}). */
	public Point field(String key, long value) {
		return putField(key, INTEGER, value, null);
	}

	/** Adds a boolean field. */
	public Point field(String key, boolean value) {
		return putField(key, BOOLEAN, value ? 1 : 0, null);
	}

	/** Adds a string field; {@code null} is ignored. */
	public Point field(String key, @Nullable String value) {
		return (value != null) ? putField(key, STRING, 0, value) : this;
	}

	/**
	 * Adds a numeric field: {@code Byte}, {@code Short}, {@code Integer}, {@code Long} (and other
	 * whole-number types) as integer; {@code BigInteger} as integer, or unsigned when above
	 * {@code Long.MAX_VALUE}; {@code Float}, {@code Double}, {@code BigDecimal} and others as float.
	 * {@code null} is ignored.
	 * @throws IllegalArgumentException for a {@code BigInteger} outside the signed and unsigned 64-bit range
	 */
	public Point field(String key, @Nullable Number value) {
		if (value == null) {
			return this;
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
				|| value instanceof AtomicLong
				|| value instanceof AtomicInteger
				|| value instanceof LongAdder) {
			return field(key, value.longValue());
		}
		if (value instanceof BigInteger big) {
			if (big.bitLength() < 64) {
				return field(key, big.longValue());
			}
			if (big.signum() > 0 && big.compareTo(UNSIGNED_LIMIT) < 0) {
				return unsignedField(key, big.longValue());
			}
			throw new IllegalArgumentException("Field '" + key + "' value " + big + " does not fit in 64 bits");
		}
		if (value instanceof BigDecimal decimal) {
			return field(key, decimal.doubleValue());
		}
		return field(key, value.doubleValue());
	}

	/** Adds an unsigned integer field; {@code value} is read as unsigned (written with {@code u}). */
	public Point unsignedField(String key, long value) {
		return putField(key, UNSIGNED, value, null);
	}

	/**
	 * Sets the timestamp; {@code null} clears it, and the writer stamps the point with its clock when it is
	 * written (or the server on arrival, with {@code influx.write.client-timestamps=false}).
	 */
	public Point time(@Nullable Instant instant) {
		this.timeInstant = instant;
		this.timePrecision = null;
		return this;
	}

	/** Sets the timestamp as a number of {@code precision} units since the epoch. */
	public Point time(long value, WritePrecision precision) {
		this.time = value;
		this.timePrecision = Objects.requireNonNull(precision, "Precision must not be null");
		this.timeInstant = null;
		return this;
	}

	/**
	 * Removes every tag and field and the time, keeping the measurement, so that one point can be
	 * filled again for the next line of a hot loop without allocating. The write methods encode a
	 * point before they return, so a point may be cleared as soon as its write has returned.
	 * @return this point
	 * @since 0.1.0
	 */
	public Point clear() {
		Arrays.fill(this.tagKeys, 0, this.tagCount, null);
		Arrays.fill(this.tagValues, 0, this.tagCount, null);
		Arrays.fill(this.fieldKeys, 0, this.fieldCount, null);
		if (this.fieldStrings != null) {
			Arrays.fill(this.fieldStrings, 0, this.fieldCount, null);
		}
		this.tagCount = 0;
		this.fieldCount = 0;
		this.timePrecision = null;
		this.timeInstant = null;
		return this;
	}

	/** Whether the point has at least one field. */
	public boolean hasFields() {
		return this.fieldCount > 0;
	}

	/** The measurement, or {@code null} when none was given. */
	public @Nullable String getMeasurement() {
		return this.measurement;
	}

	/** This point as a line with a nanosecond timestamp. */
	public String toLineProtocol() {
		return toLineProtocol(WritePrecision.NS);
	}

	/**
	 * This point as a line with a timestamp in the given precision.
	 * @throws IllegalArgumentException if the point cannot be written
	 */
	public String toLineProtocol(WritePrecision precision) {
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		appendTo(buffer, precision, TagSet.empty());
		return new String(buffer.array(), 0, buffer.size(), StandardCharsets.UTF_8);
	}

	/**
	 * Appends this point as one line, without the line feed, merging {@code defaultTags} (tags of the
	 * point win); a point without a time is written without one. On failure nothing is appended.
	 * @throws IllegalArgumentException if the point cannot be written
	 */
	public void appendTo(LineProtocolBuffer buffer, WritePrecision precision, TagSet defaultTags) {
		appendTo(buffer, precision, defaultTags, null);
	}

	/**
	 * Like {@link #appendTo(LineProtocolBuffer, WritePrecision, TagSet)}, with the time of {@code clock}
	 * when the point has none.
	 * @param clock the writer's clock, or {@code null} to write a point without a time as it is
	 * @throws IllegalArgumentException if the point cannot be written
	 * @since 0.1.0
	 */
	public void appendTo(LineProtocolBuffer buffer, WritePrecision precision, TagSet defaultTags,
			@Nullable WriteClock clock) {
		int start = buffer.size();
		try {
			PointEncoder.encode(this, buffer, precision, defaultTags, clock);
		}
		catch (RuntimeException ex) {
			buffer.truncate(start);
			throw ex;
		}
	}

	@Override
	public String toString() {
		try {
			return toLineProtocol();
		}
		catch (IllegalArgumentException ex) {
			return "Point[" + this.measurement + ", invalid: " + ex.getMessage() + "]";
		}
	}

	private Point putField(String key, byte type, long bits, @Nullable String text) {
		Objects.requireNonNull(key, "Field key must not be null");
		int index = 0;
		while (index < this.fieldCount && !this.fieldKeys[index].equals(key)) {
			index++;
		}
		if (index == this.fieldCount) {
			if (index == this.fieldKeys.length) {
				int capacity = index * 2;
				this.fieldKeys = Arrays.copyOf(this.fieldKeys, capacity);
				this.fieldTypes = Arrays.copyOf(this.fieldTypes, capacity);
				this.fieldBits = Arrays.copyOf(this.fieldBits, capacity);
				if (this.fieldStrings != null) {
					this.fieldStrings = Arrays.copyOf(this.fieldStrings, capacity);
				}
			}
			this.fieldKeys[index] = key;
			this.fieldCount++;
		}
		this.fieldTypes[index] = type;
		this.fieldBits[index] = bits;
		@Nullable String @Nullable [] strings = this.fieldStrings;
		if (strings == null && text != null) {
			strings = new String[this.fieldKeys.length];
			this.fieldStrings = strings;
		}
		if (strings != null) {
			strings[index] = text;
		}
		return this;
	}

	int tagCount() {
		return this.tagCount;
	}

	String tagKey(int index) {
		return this.tagKeys[index];
	}

	String tagValue(int index) {
		return this.tagValues[index];
	}

	String[] tagKeys() {
		return this.tagKeys;
	}

	String[] tagValues() {
		return this.tagValues;
	}

	int fieldCount() {
		return this.fieldCount;
	}

	String fieldKey(int index) {
		return this.fieldKeys[index];
	}

	byte fieldType(int index) {
		return this.fieldTypes[index];
	}

	long fieldBits(int index) {
		return this.fieldBits[index];
	}

	@Nullable String fieldString(int index) {
		@Nullable String @Nullable [] strings = this.fieldStrings;
		return (strings != null) ? strings[index] : null;
	}

	boolean hasTime() {
		return this.timeInstant != null || this.timePrecision != null;
	}

	long timeIn(WritePrecision precision) {
		Instant instant = this.timeInstant;
		if (instant != null) {
			return precision.convert(instant);
		}
		return precision.convert(this.time, Objects.requireNonNull(this.timePrecision));
	}

}
