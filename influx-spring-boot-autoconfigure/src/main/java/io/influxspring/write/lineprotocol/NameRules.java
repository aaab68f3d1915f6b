package io.influxspring.write.lineprotocol;

/**
 * What line protocol can carry exactly in a measurement, tag key, tag value or field key.
 * <p>
 * The InfluxDB parser treats a separator as escaped whenever a backslash precedes it, and knows no
 * escape for a line break, so a name is rejected when it is empty, contains {@code \n} or
 * {@code \r}, or ends with a backslash; a measurement is also rejected when it starts with
 * {@code #} (the line would be read as a comment). Everything else, tabs, quotes, backslashes inside
 * a name and any Unicode text, round-trips unchanged.
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

	/** Rejects a key or tag value that cannot be written exactly; {@code role} names it in the message. */
	public static void checkName(String name, String role) {
		int length = name.length();
		if (length == 0) {
			throw new IllegalArgumentException("The " + role + " must not be empty");
		}
		for (int i = 0; i < length; i++) {
			char c = name.charAt(i);
			if (c == '\n' || c == '\r') {
				throw new IllegalArgumentException(
						"The " + role + " '" + abbreviate(name) + "' contains a line break, which line protocol cannot carry");
			}
		}
		if (name.charAt(length - 1) == '\\') {
			throw new IllegalArgumentException("The " + role + " '" + abbreviate(name)
					+ "' ends with a backslash, which line protocol cannot carry");
		}
	}

	static String abbreviate(String text) {
		String shown = (text.length() > 64) ? text.substring(0, 64) + "..." : text;
		return shown.replace("\n", "\\n").replace("\r", "\\r");
	}

}
