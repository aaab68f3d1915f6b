package io.influxspring.write.lineprotocol;

/**
 * Where the lines of a raw record end, read as InfluxDB's parsers read them: a line feed ends a line
 * unless it is escaped or inside a quoted string field value.
 *
 * @since 0.1.0
 */
public final class RecordLines {

	private RecordLines() {
	}

	/**
	 * The index of the line feed that ends the line starting at {@code from}, or the record's length
	 * when the line is the last one.
	 */
	public static int lineEnd(CharSequence record, int from) {
		boolean fields = false;
		boolean quoted = false;
		int equals = 0;
		int commas = 0;
		int length = record.length();
		for (int i = from; i < length; i++) {
			char c = record.charAt(i);
			if (c == '\\' && i + 1 < length) {
				i++;
			}
			else if (c == '\n' && !quoted) {
				return i;
			}
			else if (c == ' ' && !quoted) {
				fields = true;
			}
			else if (fields && !quoted && c == '=') {
				equals++;
			}
			else if (fields && !quoted && c == ',') {
				commas++;
			}
			else if (fields && c == '"' && equals > commas) {
				quoted = !quoted;
			}
		}
		return length;
	}

	/** Whether the characters from {@code from} to {@code to} are only white space, or a comment. */
	public static boolean isBlankOrComment(CharSequence record, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = record.charAt(i);
			if (c == '#') {
				return true;
			}
			if (!Character.isWhitespace(c)) {
				return false;
			}
		}
		return true;
	}

}
