package io.influxspring.e2e;

import java.util.Map;

/**
 * The simplest line protocol encoder, as found in many hand-written clients: commas and spaces
 * escaped in measurements, commas, spaces and equals signs in keys and tag values, quotes and
 * backslashes in string values, everything else written as it is; timestamps in milliseconds. Used to
 * find out what InfluxDB 1.x alone would store of a point the starter rejects.
 */
final class PlainLineProtocol {

	private PlainLineProtocol() {
	}

	/** The point as one line, without the line feed. */
	static String line(FidelityPoint point) {
		StringBuilder line = new StringBuilder();
		escape(line, point.measurement(), ", ");
		point.tags().forEach((key, value) -> {
			escape(line.append(','), key, ", =");
			escape(line.append('='), value, ", =");
		});
		char separator = ' ';
		for (Map.Entry<String, String> field : point.fields().entrySet()) {
			escape(line.append(separator), field.getKey(), ", =");
			escape(line.append("=\""), field.getValue(), "\"\\").append('"');
			separator = ',';
		}
		return line.append(',').append(FidelityPoint.SEQ).append('=').append(point.seq()).append("i ")
			.append(point.epochMilli())
			.toString();
	}

	private static StringBuilder escape(StringBuilder line, String text, String escaped) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (escaped.indexOf(c) >= 0) {
				line.append('\\');
			}
			line.append(c);
		}
		return line;
	}

}
