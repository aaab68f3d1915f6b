package io.influxspring.write.lineprotocol;

import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A growable byte buffer that line protocol is written into, with one method per syntactic element.
 * <p>
 * Names (measurement, tag keys and values, field keys) are escaped as the InfluxDB parser reads
 * them back; a name that line protocol cannot carry exactly is rejected with an
 * {@link IllegalArgumentException} (see {@link NameRules}). Strings are encoded to UTF-8 on the fly,
 * without an intermediate {@code String} or {@code byte[]}. Names written again (the same
 * {@code String} in the same role) are copied from a small cache of their escaped bytes, which
 * holds on to up to a few hundred of the names written last. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class LineProtocolBuffer {

	private static final byte PLAIN = 0;

	private static final byte ESCAPED = 1;

	private static final byte REJECTED = 2;

	private static final byte BACKSLASH = 3;

	private static final byte NON_ASCII = 4;

	/** How each ASCII character of a measurement is written, by dialect: as it is, escaped, or not at all. */
	private static final byte[][] MEASUREMENT_CLASSES = new byte[2][];

	/** The same for tag keys, tag values and field keys. */
	private static final byte[][] KEY_CLASSES = new byte[2][];

	static {
		for (LineProtocolDialect dialect : LineProtocolDialect.values()) {
			byte[] measurement = new byte[128];
			byte[] key = new byte[128];
			for (char c = 0; c < 128; c++) {
				measurement[c] = classOf(c, dialect, true);
				key[c] = classOf(c, dialect, false);
			}
			MEASUREMENT_CLASSES[dialect.ordinal()] = measurement;
			KEY_CLASSES[dialect.ordinal()] = key;
		}
	}

	private static byte classOf(char c, LineProtocolDialect dialect, boolean measurement) {
		if (NameRules.isEscaped(c, dialect, measurement)) {
			return ESCAPED;
		}
		if (c == '\\' && dialect == LineProtocolDialect.INFLUXDB) {
			return BACKSLASH;
		}
		return NameRules.isRejected(c, dialect) ? REJECTED : PLAIN;
	}

	private static final byte[] TRUE = { 't', 'r', 'u', 'e' };

	private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };

	private byte[] bytes;

	private int size;

	private LineProtocolDialect dialect = LineProtocolDialect.INFLUXDB;

	/** Per dialect, made on first use. */
	private final @Nullable NameCache[] measurementCaches = new NameCache[2];

	private final @Nullable NameCache[] keyCaches = new NameCache[2];

	/** Per dialect, made once the buffer has been asked for one {@value #SERIES_AFTER} times. */
	private final @Nullable SeriesCache[] seriesCaches = new SeriesCache[2];

	private static final int SERIES_AFTER = 1024;

	private int seriesRequests;

	public LineProtocolBuffer() {
		this(256);
	}

	public LineProtocolBuffer(int initialCapacity) {
		this.bytes = new byte[Math.max(16, initialCapacity)];
	}

	/**
	 * A buffer that escapes and checks by the given rules.
	 * @since 0.1.0
	 */
	public LineProtocolBuffer(int initialCapacity, LineProtocolDialect dialect) {
		this(initialCapacity);
		dialect(dialect);
	}

	/**
	 * The rules names and string values are escaped and checked by; {@link LineProtocolDialect#INFLUXDB}
	 * unless set.
	 * @since 0.1.0
	 */
	public LineProtocolDialect dialect() {
		return this.dialect;
	}

	/**
	 * Sets the rules for what is appended next.
	 * @since 0.1.0
	 */
	public void dialect(LineProtocolDialect dialect) {
		this.dialect = Objects.requireNonNull(dialect, "Dialect must not be null");
	}

	/**
	 * The cache of series written in this buffer's dialect, or {@code null} until the buffer has been
	 * asked for it {@value #SERIES_AFTER} times: a thread that writes a few lines keeps none.
	 * @since 0.1.0
	 */
	public @Nullable SeriesCache seriesCache() {
		int dialect = this.dialect.ordinal();
		SeriesCache cache = this.seriesCaches[dialect];
		if (cache == null && ++this.seriesRequests > SERIES_AFTER) {
			cache = new SeriesCache();
			this.seriesCaches[dialect] = cache;
		}
		return cache;
	}

	/** Number of bytes written so far. */
	public int size() {
		return this.size;
	}

	/** Forgets everything written after {@code newSize} bytes; used to undo a rejected line. */
	public void truncate(int newSize) {
		if (newSize < 0 || newSize > this.size) {
			throw new IndexOutOfBoundsException(newSize);
		}
		this.size = newSize;
	}

	/** Clears the buffer, keeping its capacity. */
	public void reset() {
		this.size = 0;
	}

	/**
	 * Clears the buffer and, when it has grown beyond {@code maxCapacity} bytes for a large item,
	 * gives the memory back.
	 * @since 0.1.0
	 */
	public void reset(int maxCapacity) {
		this.size = 0;
		if (this.bytes.length > maxCapacity) {
			this.bytes = new byte[Math.min(maxCapacity, 4096)];
		}
	}

	/**
	 * How many bytes the buffer holds before it grows.
	 * @since 0.1.0
	 */
	public int capacity() {
		return this.bytes.length;
	}

	/** The backing array; valid up to {@link #size()} until the next write. */
	public byte[] array() {
		return this.bytes;
	}

	/** A copy of the bytes written. */
	public byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.size);
	}

	public void appendByte(int b) {
		ensure(1);
		this.bytes[this.size++] = (byte) b;
	}

	public void appendBytes(byte[] source, int offset, int length) {
		ensure(length);
		System.arraycopy(source, offset, this.bytes, this.size, length);
		this.size += length;
	}

	/**
	 * Appends a measurement name: escapes comma and space, and under {@link LineProtocolDialect#PORTABLE}
	 * the equals sign too (InfluxDB's parsers keep {@code \=} in a measurement, other servers would
	 * take a bare one for a field).
	 */
	public void appendMeasurement(String measurement) {
		if (!measurement.isEmpty() && measurement.charAt(0) == '#') {
			NameRules.checkMeasurement(measurement, this.dialect);
		}
		int dialect = this.dialect.ordinal();
		NameCache cache = this.measurementCaches[dialect];
		if (cache == null) {
			cache = new NameCache(4);
			this.measurementCaches[dialect] = cache;
		}
		appendName(measurement, cache, MEASUREMENT_CLASSES[dialect], true, "measurement");
	}

	/** Appends a tag key, tag value or field key: escapes comma, equals sign and space. */
	public void appendKey(String name, String role) {
		int dialect = this.dialect.ordinal();
		NameCache cache = this.keyCaches[dialect];
		if (cache == null) {
			cache = new NameCache(8);
			this.keyCaches[dialect] = cache;
		}
		appendName(name, cache, KEY_CLASSES[dialect], false, role);
	}

	/**
	 * Appends a string field value in double quotes, escaping {@code "} and {@code \}.
	 * @throws IllegalArgumentException if the value has a line break under {@link LineProtocolDialect#PORTABLE}
	 */
	public void appendStringValue(String value) {
		if (this.dialect == LineProtocolDialect.PORTABLE) {
			NameRules.checkStringValue(value);
		}
		ensure(value.length() + 2);
		this.bytes[this.size++] = '"';
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				appendByte('\\');
				appendByte(c);
			}
			else if (c < 0x80) {
				appendByte(c);
			}
			else {
				i = appendNonAscii(value, i, "string field value");
			}
		}
		appendByte('"');
	}

	/** Appends a signed integer in decimal, without suffix. */
	public void appendLong(long value) {
		if (value == Long.MIN_VALUE) {
			appendAscii("-9223372036854775808");
			return;
		}
		ensure(20);
		if (value < 0) {
			this.bytes[this.size++] = '-';
			value = -value;
		}
		int end = this.size + NumberFormat.digitCount(value);
		NumberFormat.writeDigits(this.bytes, end, value);
		this.size = end;
	}

	/**
	 * Appends a point and the {@code digits} decimals of {@code 0 <= fraction < 10^digits},
	 * zero-padded: written as the digits of {@code 10^digits + fraction}, whose leading one becomes
	 * the point.
	 */
	void appendFraction(long fraction, int digits) {
		ensure(digits + 1);
		int end = this.size + digits + 1;
		NumberFormat.writeDigits(this.bytes, end, NumberFormat.TEN_POWERS[digits] + fraction);
		this.bytes[this.size] = '.';
		this.size = end;
	}

	/** Appends an integer field value: the number and {@code i}. */
	public void appendIntegerValue(long value) {
		appendLong(value);
		appendByte('i');
	}

	/** Appends an unsigned integer field value: {@code value} read as unsigned, and {@code u}. */
	public void appendUnsignedValue(long value) {
		if (value >= 0) {
			appendLong(value);
		}
		else {
			appendAscii(Long.toUnsignedString(value));
		}
		appendByte('u');
	}

	/**
	 * Appends a float field value in the shortest decimal form that reads back to the same double.
	 * @throws IllegalArgumentException for NaN or infinities, which line protocol cannot carry
	 */
	public void appendDoubleValue(double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("Float value " + value + " cannot be written in line protocol");
		}
		NumberFormat.appendDouble(this, value);
	}

	public void appendBooleanValue(boolean value) {
		byte[] text = value ? TRUE : FALSE;
		appendBytes(text, 0, text.length);
	}

	/** Appends characters known to be ASCII. */
	public void appendAscii(CharSequence text) {
		int length = text.length();
		ensure(length);
		for (int i = 0; i < length; i++) {
			this.bytes[this.size++] = (byte) text.charAt(i);
		}
	}

	/** Appends a string as UTF-8 without any escaping (raw records). */
	public void appendUtf8(String text) {
		appendUtf8(text, 0, text.length());
	}

	/** Appends characters {@code from} (inclusive) to {@code to} (exclusive) of a string as UTF-8, unescaped. */
	public void appendUtf8(String text, int from, int to) {
		ensure(to - from);
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				appendByte(c);
			}
			else {
				i = appendNonAscii(text, i, "record");
			}
		}
	}

	/** Copies a name's bytes from the cache, or escapes and checks it and tells the cache. */
	private void appendName(String name, NameCache cache, byte[] classes, boolean measurement, String role) {
		ensure(NameCache.MAX_LENGTH);
		int slot = cache.slot(name);
		int end = cache.copy(name, role, slot, this.bytes, this.size);
		if (end >= 0) {
			this.size = end;
			return;
		}
		int start = this.size;
		appendEscaped(name, classes, measurement, role);
		cache.wrote(name, role, slot, this.bytes, start, this.size);
	}

	/**
	 * Escapes and checks a name in one pass, by the class of each character; a name {@link NameRules}
	 * rejects throws, and nothing is appended.
	 */
	private void appendEscaped(String name, byte[] classes, boolean measurement, String role) {
		int length = name.length();
		if (length == 0) {
			throw NameRules.empty(role);
		}
		ensure(length * 3 + 4);
		int start = this.size;
		byte[] target = this.bytes;
		int position = start;
		for (int i = 0; i < length; i++) {
			char c = name.charAt(i);
			byte kind = (c < 0x80) ? classes[c] : NON_ASCII;
			if (kind == PLAIN) {
				target[position++] = (byte) c;
			}
			else if (kind == ESCAPED) {
				target[position++] = '\\';
				target[position++] = (byte) c;
			}
			else if (kind == NON_ASCII && (c > 0x9F || this.dialect == LineProtocolDialect.PORTABLE)) {
				this.size = position;
				try {
					i = appendNonAscii(name, i, role);
				}
				catch (IllegalArgumentException ex) {
					this.size = start;
					throw ex;
				}
				position = this.size;
			}
			else if (kind == BACKSLASH && NameRules.isSafeBackslash(name, i, this.dialect, role, measurement)) {
				target[position++] = '\\';
			}
			else {
				this.size = start;
				NameRules.checkName(name, role, this.dialect, measurement);
				throw new IllegalStateException("Unreachable: " + role + " rules accepted a rejected character");
			}
		}
		this.size = position;
		if (this.dialect == LineProtocolDialect.INFLUXDB && NameRules.isReserved(name, role)) {
			this.size = start;
			NameRules.checkName(name, role, this.dialect, measurement);
		}
	}

	private int appendNonAscii(String text, int index, String role) {
		char c = text.charAt(index);
		ensure(4);
		if (c < 0x800) {
			this.bytes[this.size++] = (byte) (0xC0 | (c >> 6));
			this.bytes[this.size++] = (byte) (0x80 | (c & 0x3F));
			return index;
		}
		if (!Character.isSurrogate(c)) {
			this.bytes[this.size++] = (byte) (0xE0 | (c >> 12));
			this.bytes[this.size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
			this.bytes[this.size++] = (byte) (0x80 | (c & 0x3F));
			return index;
		}
		char low = (index + 1 < text.length()) ? text.charAt(index + 1) : 0;
		if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low)) {
			throw new IllegalArgumentException(
					"The " + role + " '" + NameRules.abbreviate(text) + "' contains an unpaired UTF-16 surrogate");
		}
		int codePoint = Character.toCodePoint(c, low);
		this.bytes[this.size++] = (byte) (0xF0 | (codePoint >> 18));
		this.bytes[this.size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
		this.bytes[this.size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
		this.bytes[this.size++] = (byte) (0x80 | (codePoint & 0x3F));
		return index + 1;
	}

	private void ensure(int extra) {
		int required = this.size + extra;
		if (required > this.bytes.length) {
			grow(required);
		}
	}

	/** Kept out of {@link #ensure}, which every append inlines, so that compiled appends stay small. */
	private void grow(int required) {
		if (required < 0) {
			throw new OutOfMemoryError("Line protocol buffer too large");
		}
		this.bytes = Arrays.copyOf(this.bytes, Math.max(required, this.bytes.length * 2));
	}

}
