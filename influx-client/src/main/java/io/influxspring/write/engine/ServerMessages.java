package io.influxspring.write.engine;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Reads the reason out of an error response: InfluxDB's JSON {@code message} or {@code error}. */
final class ServerMessages {

	private static final int MAX_LENGTH = 1000;

	private static final List<String> PERMANENT = List.of("partial write", "unable to parse", "field type conflict",
			"points beyond retention policy", "outside retention policy", "max-values-per-tag limit exceeded",
			"max-series-per-database limit exceeded", "max key length exceeded", "retention policy not found",
			"database not found", "invalid column type", "line protocol parse failed", "errors encountered on line");

	private ServerMessages() {
	}

	/** The shortened form of a server's message. */
	static String abbreviate(String message) {
		return (message.length() > MAX_LENGTH) ? message.substring(0, MAX_LENGTH) + "..." : message;
	}

	/** The most useful text of an error response, whole. */
	static String message(@Nullable String body, @Nullable String influxErrorHeader) {
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
		return (message != null) ? message : "no message";
	}

	/**
	 * Whether the message says that sending the same lines again cannot succeed, whatever the status:
	 * InfluxDB's words for refused data, as Telegraf's InfluxDB output reads them.
	 */
	static boolean isPermanent(String message) {
		String text = message.toLowerCase(Locale.ROOT);
		for (String marker : PERMANENT) {
			if (text.contains(marker)) {
				return true;
			}
		}
		return false;
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
