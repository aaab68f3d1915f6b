package io.influxspring.write.lineprotocol;

/**
 * What line protocol can carry exactly, by {@link LineProtocolDialect}.
 * <p>
 * Under both dialects a measurement, tag key, tag value or field key is rejected when it is empty or
 * contains a line break (no parser has an escape for it), and a measurement starting with {@code #}
 * is rejected (the line would be a comment). Commas and spaces are escaped everywhere, equals signs
 * in keys and tag values.
 * <p>
 * {@link LineProtocolDialect#INFLUXDB} follows InfluxDB 1.x and 2.x (Go, {@code models}) and
 * InfluxDB 3 (Rust, {@code influxdb_line_protocol}), which all keep a backslash before an ordinary
 * character, so a single backslash is written as it is. It is rejected where they disagree: at the
 * end of a name (Go takes it as escaping the separator after it, Rust refuses it), before another
 * backslash (Rust reads {@code \} as one backslash, Go as two), before a character escaped in that
 * element, and before {@code =} or {@code "} in a measurement or {@code "} in a field key (Go's
 * storage drops that backslash, Rust keeps it). A measurement's {@code =} and every {@code "} of a
 * name are written bare. Control characters are rejected in names (Rust splits on a tab, refuses a
 * NUL in a measurement, and InfluxDB 3's catalog refuses control characters in keys), and so are the
 * keys InfluxDB reserves: tag keys {@code time}, {@code _field}, {@code _measurement} and field key
 * {@code time} (InfluxDB 1.x drops such a field silently), and {@code __chunk_order} in InfluxDB 3.
 * String field values may hold anything, line breaks and tabs included.
 * <p>
 * {@link LineProtocolDialect#PORTABLE}: no backslash and no NUL in names (QuestDB takes every
 * backslash as an escape and refuses NUL), {@code =} escaped in measurements, and no line break in
 * string field values (servers other than InfluxDB refuse the whole request) nor a NUL (QuestDB drops it).
 *
 * @since 0.1.0
 */
public final class NameRules {

	static final String TAG_KEY = "tag key";

	static final String FIELD_KEY = "field key";

	private NameRules() {
	}

	/** Rejects a measurement name that cannot be written exactly by InfluxDB's rules. */
	public static void checkMeasurement(String measurement) {
		checkMeasurement(measurement, LineProtocolDialect.INFLUXDB);
	}

	/** Rejects a measurement name that cannot be written exactly by the given rules. */
	public static void checkMeasurement(String measurement, LineProtocolDialect dialect) {
		checkName(measurement, "measurement", dialect, true);
		if (measurement.charAt(0) == '#') {
			throw new IllegalArgumentException("The measurement '" + abbreviate(measurement)
					+ "' starts with '#', which line protocol reads as a comment");
		}
	}

	/** Rejects a key or tag value that cannot be written exactly by InfluxDB's rules. */
	public static void checkName(String name, String role) {
		checkName(name, role, LineProtocolDialect.INFLUXDB, false);
	}

	/**
	 * Rejects a name that cannot be written exactly by the given rules; {@code role} names it in the
	 * message, and {@code "field key"} applies the rules of field keys.
	 * @param measurement whether the name is a measurement (else a tag key, tag value or field key)
	 */
	public static void checkName(String name, String role, LineProtocolDialect dialect, boolean measurement) {
		int length = name.length();
		if (length == 0) {
			throw empty(role);
		}
		for (int i = 0; i < length; i++) {
			char c = name.charAt(i);
			if (c == '\n' || (c == '\r' && dialect == LineProtocolDialect.PORTABLE)) {
				throw lineBreak(name, role);
			}
			if (c == 0 && dialect == LineProtocolDialect.PORTABLE) {
				throw reject(name, role, "contains a NUL character, which some servers refuse");
			}
			if (Character.isISOControl(c) && dialect == LineProtocolDialect.INFLUXDB) {
				throw reject(name, role, "contains the control character U+" + String.format("%04X", (int) c)
						+ ", which InfluxDB 3 splits names on (a tab) or refuses in keys");
			}
			if (c == '\\') {
				checkBackslash(name, i, role, dialect, measurement);
			}
		}
		if (dialect == LineProtocolDialect.INFLUXDB && isReserved(name, role)) {
			throw reject(name, role, "is reserved by InfluxDB, which refuses or drops it");
		}
	}

	/** Whether InfluxDB reserves the key: tag keys time, _field, _measurement, field key time, __chunk_order. */
	static boolean isReserved(String name, String role) {
		char first = name.charAt(0);
		if (first != 't' && first != '_') {
			return false;
		}
		if (TAG_KEY.equals(role)) {
			return name.equals("time") || name.equals("_field") || name.equals("_measurement")
					|| name.equals("__chunk_order");
		}
		return FIELD_KEY.equals(role) && (name.equals("time") || name.equals("__chunk_order"));
	}

	private static void checkBackslash(String name, int index, String role, LineProtocolDialect dialect,
			boolean measurement) {
		if (dialect == LineProtocolDialect.PORTABLE) {
			throw reject(name, role, "contains a backslash, which servers do not all read back the same way"
					+ " (influx.write.line-protocol=influxdb writes it to InfluxDB)");
		}
		if (index + 1 == name.length()) {
			throw reject(name, role, "ends with a backslash, which would escape the separator after it");
		}
		char next = name.charAt(index + 1);
		if (next == '\\') {
			throw reject(name, role, "contains a run of backslashes, which InfluxDB 3 reads as escapes while"
					+ " InfluxDB 1.x and 2.x keep them");
		}
		if (!isSafeAfterBackslash(next, role, measurement)) {
			throw reject(name, role, "has a backslash before '" + next + "', which InfluxDB's parsers read back"
					+ " differently");
		}
	}

	/** Whether the backslash at {@code index} is written as it is and read back as one backslash. */
	static boolean isSafeBackslash(String name, int index, LineProtocolDialect dialect, String role,
			boolean measurement) {
		return dialect == LineProtocolDialect.INFLUXDB && index + 1 < name.length()
				&& isSafeAfterBackslash(name.charAt(index + 1), role, measurement);
	}

	private static boolean isSafeAfterBackslash(char next, String role, boolean measurement) {
		if (next == '\\' || Character.isISOControl(next) || isEscaped(next, LineProtocolDialect.INFLUXDB, measurement)) {
			return false;
		}
		if (measurement) {
			return next != '=' && next != '"';
		}
		return next != '"' || !FIELD_KEY.equals(role);
	}

	/** Whether a character of a name is written with a backslash before it. */
	static boolean isEscaped(char c, LineProtocolDialect dialect, boolean measurement) {
		return c == ',' || c == ' ' || (c == '=' && (!measurement || dialect == LineProtocolDialect.PORTABLE));
	}

	/** Whether a character (other than a backslash) cannot be written in a name at all. */
	static boolean isRejected(char c, LineProtocolDialect dialect) {
		if (dialect == LineProtocolDialect.INFLUXDB) {
			return Character.isISOControl(c);
		}
		return c == '\n' || c == '\r' || c == '\\' || c == 0;
	}

	/**
	 * Rejects a string field value that {@link LineProtocolDialect#PORTABLE} cannot carry: with a line
	 * break, or a NUL character (QuestDB drops it).
	 */
	public static void checkStringValue(String value) {
		if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
			throw new IllegalArgumentException("The string field value '" + abbreviate(value) + "' contains a line"
					+ " break, which servers other than InfluxDB refuse (influx.write.line-protocol=influxdb writes it)");
		}
		if (value.indexOf(0) >= 0) {
			throw new IllegalArgumentException("The string field value '" + abbreviate(value) + "' contains a NUL"
					+ " character, which servers other than InfluxDB drop (influx.write.line-protocol=influxdb writes it)");
		}
	}

	static IllegalArgumentException empty(String role) {
		return new IllegalArgumentException("The " + role + " must not be empty");
	}

	private static IllegalArgumentException lineBreak(String text, String role) {
		return reject(text, role, "contains a line break, which line protocol cannot carry");
	}

	private static IllegalArgumentException reject(String text, String role, String reason) {
		return new IllegalArgumentException("The " + role + " '" + abbreviate(text) + "' " + reason);
	}

	static String abbreviate(String text) {
		String shown = (text.length() > 64) ? text.substring(0, 64) + "..." : text;
		return shown.replace("\n", "\\n").replace("\r", "\\r");
	}

}
