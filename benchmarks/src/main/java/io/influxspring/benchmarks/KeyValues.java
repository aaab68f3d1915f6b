package io.influxspring.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code key=value} pairs separated by {@code ;}: how child processes and the sink report numbers. */
final class KeyValues {

	private final Map<String, String> values;

	private KeyValues(Map<String, String> values) {
		this.values = values;
	}

	static KeyValues parse(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : text.trim().split(";")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				values.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
			}
		}
		return new KeyValues(values);
	}

	String get(String key) {
		String value = this.values.get(key);
		if (value == null) {
			throw new IllegalArgumentException("Missing '" + key + "' in " + this.values);
		}
		return value;
	}

	String get(String key, String otherwise) {
		return this.values.getOrDefault(key, otherwise);
	}

	long getLong(String key) {
		return Long.parseLong(get(key));
	}

	long getLong(String key, long otherwise) {
		String value = this.values.get(key);
		return (value != null) ? Long.parseLong(value) : otherwise;
	}

	static String format(Map<String, ?> values) {
		StringBuilder text = new StringBuilder();
		values.forEach((key, value) -> text.append((text.length() > 0) ? ";" : "").append(key).append('=').append(value));
		return text.toString();
	}

}
