package io.influxspring.write.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short form of a failure's message that the statistics keep and the health indicator shows:
 * the server's reason without the lines it quotes, which may carry anything written, and at most
 * {@value #MAX_LENGTH} characters. The whole message stays in the exception given to listeners.
 */
final class FailureMessages {

	/** The longest summary. */
	static final int MAX_LENGTH = 256;

	private static final String ELLIPSIS = "…";

	private static final Pattern UNABLE_TO_PARSE = Pattern.compile("unable to parse '", Pattern.CASE_INSENSITIVE);

	private static final String QUOTE_END = "': ";

	private FailureMessages() {
	}

	/**
	 * The message with the text quoted after each {@code unable to parse '} (InfluxDB 1.x and 2.x
	 * quote every line they refuse: {@code unable to parse '<line>': <reason>}) replaced by
	 * {@code …}, cut to {@value #MAX_LENGTH} characters.
	 */
	static String summarize(String message) {
		return abbreviate(withoutQuotedLines(message));
	}

	private static String withoutQuotedLines(String message) {
		Matcher quotes = UNABLE_TO_PARSE.matcher(message);
		if (!quotes.find()) {
			return message;
		}
		StringBuilder summary = new StringBuilder(message.length());
		int copied = 0;
		int from = quotes.end();
		while (from >= 0) {
			int next = quotes.find(from) ? quotes.start() : message.length();
			summary.append(message, copied, from).append(ELLIPSIS);
			int end = message.lastIndexOf(QUOTE_END, next - QUOTE_END.length());
			if (end >= from) {
				copied = end;
			}
			else {
				summary.append('\'');
				copied = next;
			}
			from = (next < message.length()) ? quotes.end() : -1;
		}
		return summary.append(message, copied, message.length()).toString();
	}

	private static String abbreviate(String message) {
		if (message.length() <= MAX_LENGTH) {
			return message;
		}
		int cut = MAX_LENGTH - ELLIPSIS.length();
		if (Character.isHighSurrogate(message.charAt(cut - 1))) {
			cut--;
		}
		return message.substring(0, cut) + ELLIPSIS;
	}

}
