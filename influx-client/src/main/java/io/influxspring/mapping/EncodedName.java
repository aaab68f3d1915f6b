package io.influxspring.mapping;

import java.util.Arrays;

import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import org.jspecify.annotations.Nullable;

/**
 * A measurement or key of a mapped type, escaped once for each {@link LineProtocolDialect}; where a
 * dialect cannot carry it, the reason instead.
 */
final class EncodedName {

	private final byte[] @Nullable [] bytes = new byte[LineProtocolDialect.values().length][];

	private final @Nullable String[] errors = new String[LineProtocolDialect.values().length];

	private EncodedName() {
	}

	/** No name, for a member that has no key (the timestamp). */
	static EncodedName none() {
		EncodedName none = new EncodedName();
		Arrays.fill(none.bytes, new byte[0]);
		return none;
	}

	/** The measurement of a type. */
	static EncodedName measurement(String measurement) {
		return encode(measurement, null);
	}

	/** A tag or field key, followed by {@code =}. */
	static EncodedName key(String key, String role) {
		return encode(key, role);
	}

	private static EncodedName encode(String name, @Nullable String keyRole) {
		EncodedName encoded = new EncodedName();
		for (LineProtocolDialect dialect : LineProtocolDialect.values()) {
			LineProtocolBuffer buffer = new LineProtocolBuffer(name.length() + 8, dialect);
			try {
				if (keyRole == null) {
					buffer.appendMeasurement(name);
				}
				else {
					buffer.appendKey(name, keyRole);
					buffer.appendByte('=');
				}
				encoded.bytes[dialect.ordinal()] = buffer.toByteArray();
			}
			catch (IllegalArgumentException ex) {
				encoded.errors[dialect.ordinal()] = ex.getMessage();
			}
		}
		return encoded;
	}

	/** Why the dialect cannot carry the name, or {@code null} when it can. */
	@Nullable String error(LineProtocolDialect dialect) {
		return this.errors[dialect.ordinal()];
	}

	/** Appends the name as the buffer's dialect writes it. */
	void appendTo(LineProtocolBuffer out) {
		byte[] encoded = this.bytes[out.dialect().ordinal()];
		if (encoded == null) {
			throw new IllegalArgumentException(this.errors[out.dialect().ordinal()]);
		}
		out.appendBytes(encoded, 0, encoded.length);
	}

}
