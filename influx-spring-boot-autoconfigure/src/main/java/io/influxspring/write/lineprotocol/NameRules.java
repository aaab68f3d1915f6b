package io.influxspring.write.lineprotocol;

/**
 * What line protocol can carry exactly, on every server this project is tested against.
 * <p>
 * A measurement, tag key, tag value or field key is rejected when it is empty, contains a line
 * break ({@code \n} or {@code \r}: no parser has an escape for it), a NUL character (QuestDB refuses
 * the request) or a backslash: InfluxDB 1.x
 * and 2.x keep a backslash before an ordinary character but take it as an escape before a
 * separator, a quote or another backslash (a trailing one even escapes the separator after it),
 * while QuestDB and others always take it as an escape, so no encoding reads back the same
 * everywhere. A measurement starting with {@code #} is rejected too (the line would be a
 * comment). A string field value is rejected when it contains a line break: InfluxDB 1.x keeps a
 * raw one inside quotes, while other servers refuse the whole request. Everything else, commas,
 * equals signs, spaces, tabs, quotes, {@code #} and all of Unicode, round-trips.
 */
public final class NameRules {

	private NameRules() {
	}

	/** Rejects a measurement name that cannot be written exactly. */
	public static void checkMeasurement(String measurement) {
		checkName(measurement, "measurement");
		if (measurement.charAt(0) == '#') {
			throw new IllegalArgumentException("The measurement '" + abbreviate(measurement)
					+ "' starts with '#', which line protocol reads as a comment");
		}
	}

	static IllegalArgumentException empty(String role) {
		return new IllegalArgumentException("The " + role + " must not be empty");
	}

	/** Rejects a key or tag value that cannot be written exactly; {@code role} names it in the message. */
	public static void checkName(String name, String role) {
		int length = name.length();
		if (length == 0) {
			throw empty(role);
		}
		for (int i = 0; i < length; i++) {
			char c = name.charAt(i);
			if (c == '\n' || c == '\r') {
				throw lineBreak(name, role);
			}
			if (c == 0) {
				throw new IllegalArgumentException("The " + role + " '" + abbreviate(name)
						+ "' contains a NUL character, which some servers refuse");
			}
			if (c == '\\') {
				throw new IllegalArgumentException("The " + role + " '" + abbreviate(name)
						+ "' contains a backslash, which InfluxDB servers do not all read back the same way");
			}
		}
	}

	/** Rejects a string field value with a line break. */
	public static void checkStringValue(String value) {
		if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
			throw lineBreak(value, "string field value");
		}
	}

	private static IllegalArgumentException lineBreak(String text, String role) {
		return new IllegalArgumentException("The " + role + " '" + abbreviate(text)
				+ "' contains a line break, which line protocol cannot carry");
	}

	static String abbreviate(String text) {
		String shown = (text.length() > 64) ? text.substring(0, 64) + "..." : text;
		return shown.replace("\n", "\\n").replace("\r", "\\r");
	}

}
