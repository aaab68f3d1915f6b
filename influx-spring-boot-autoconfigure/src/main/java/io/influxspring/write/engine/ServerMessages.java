package io.influxspring.write.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Reads the reason out of an error response: InfluxDB's JSON {@code message} or {@code error}. */
final class ServerMessages {

	private static final int MAX_LENGTH = 1000;

	private static final Pattern LINE_NUMBER = Pattern.compile("\"line_number\"\\s*:\\s*(\\d+)");

	private ServerMessages() {
	}

	/** The most useful text of an error response, shortened to a loggable length. */
	static String describe(@Nullable String body, @Nullable String influxErrorHeader) {
		String message = stringField(body, "message");
		if (message == null) {
			message = stringField(body, "error");
		}
		if (message == null && influxErrorHeader != null && !influxErrorHeader.isBlank()) {
			message = influxErrorHeader;
		}
		if (message == null && body != null && !body.isBlank()) {
			message = body.strip();
		}
		if (message == null) {
			return "no message";
		}
		return (message.length() > MAX_LENGTH) ? message.substring(0, MAX_LENGTH) + "..." : message;
	}

	/** The 1-based line numbers an InfluxDB 3 partial-write error lists, or none. */
	static int[] rejectedLineNumbers(@Nullable String body) {
		if (body == null || !body.contains("line_number")) {
			return new int[0];
		}
		Matcher matcher = LINE_NUMBER.matcher(body);
		return matcher.results().mapToInt((result) -> Integer.parseInt(result.group(1))).distinct().toArray();
	}

	/** The value of a top-level-looking JSON string member, unescaped; {@code null} when absent. */
	static @Nullable String stringField(@Nullable String json, String name) {
		if (json == null) {
			return null;
		}
		String key = "\"" + name + "\"";
		int at = json.indexOf(key);
		while (at >= 0) {
			int i = skipSpaces(json, at + key.length());
			if (i < json.length() && json.charAt(i) == ':') {
				i = skipSpaces(json, i + 1);
				if (i < json.length() && json.charAt(i) == '"') {
					return readString(json, i + 1);
				}
			}
			at = json.indexOf(key, at + 1);
		}
		return null;
	}

	private static int hex(String digits) {
		try {
			return Integer.parseInt(digits, 16);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static int skipSpaces(String text, int from) {
		int i = from;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static String readString(String json, int from) {
		StringBuilder out = new StringBuilder();
		for (int i = from; i < json.length(); i++) {
			char c = json.charAt(i);
			if (c == '"') {
				break;
			}
			if (c == '\\' && i + 1 < json.length()) {
				char escaped = json.charAt(++i);
				switch (escaped) {
					case 'n' -> out.append('\n');
					case 't' -> out.append('\t');
					case 'r' -> out.append('\r');
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'u' -> {
						int code = (i + 4 < json.length()) ? hex(json.substring(i + 1, i + 5)) : -1;
						if (code >= 0) {
							out.append((char) code);
							i += 4;
						}
					}
					default -> out.append(escaped);
				}
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
