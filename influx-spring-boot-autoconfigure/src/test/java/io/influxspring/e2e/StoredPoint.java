package io.influxspring.e2e;

import java.util.Map;

/**
 * A row as InfluxDB 1.x reads it back: the series' measurement and tags (empty values left out), the
 * fields that are not null (whole numbers as {@code Long}) and the time in milliseconds.
 *
 * @param measurement the measurement
 * @param tags the tags
 * @param fields the fields
 * @param epochMilli the time
 */
record StoredPoint(String measurement, Map<String, String> tags, Map<String, Object> fields, long epochMilli) {

	@Override
	public String toString() {
		return describe("@" + this.epochMilli, this.measurement, this.tags, this.fields);
	}

	/** A point's parts with control characters made visible, for assertion messages. */
	static String describe(String head, String measurement, Map<String, String> tags, Map<String, ?> fields) {
		StringBuilder text = new StringBuilder(head).append(' ').append(HostilePoints.visible(measurement));
		tags.forEach((key, value) -> text.append(' ')
			.append(HostilePoints.visible(key))
			.append('=')
			.append(HostilePoints.visible(value)));
		fields.forEach((key, value) -> text.append(' ')
			.append(HostilePoints.visible(key))
			.append(":=")
			.append((value instanceof String string) ? HostilePoints.visible(string) : value));
		return text.toString();
	}

}
