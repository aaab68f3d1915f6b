package io.influxspring.write.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads which lines of a batch a server kept from its answer to a partial write.
 * <ul>
 * <li>InfluxDB 3 ({@code accept_partial=true}): {@code "partial write of line protocol occurred"} with
 * the 1-based {@code line_number} of every refused line. Any other 400 refused the whole batch, even
 * when its body names a line.</li>
 * <li>InfluxDB Cloud (IOx): {@code partial write has occurred} with {@code line N (1-based)} for each
 * refused line, at most 100 of them.</li>
 * <li>InfluxDB 1.x (400) and 2.x (422): {@code partial write: unable to parse '<line>': <reason>} for
 * each line it could not parse, joined by line feeds, then {@code dropped=N} for the points it parsed
 * but refused (beyond the retention policy, a field type conflict) without saying which; such a
 * message hides the parse errors of the same request.</li>
 * </ul>
 * Any other refusal, {@code unable to parse} without {@code partial write} included, refused the
 * whole batch.
 */
final class PartialWrites {

	private static final String V3_PARTIAL = "partial write of line protocol occurred";

	private static final String V1_PARTIAL = "partial write:";

	private static final String CLOUD_PARTIAL = "partial write has occurred";

	/** Cloud lists at most this many refused lines. */
	private static final int CLOUD_LIST_LIMIT = 100;

	private static final Pattern CLOUD_LINE = Pattern.compile("line (\\d+) \\(1-based\\)");

	private static final String UNABLE_TO_PARSE = "unable to parse '";

	private static final Pattern LINE_NUMBER = Pattern.compile("\"line_number\"\\s*:\\s*(\\d+)");

	private static final int PREFIX = 24;

	private static final Pattern DROPPED = Pattern.compile(" dropped=(\\d+)\\s*$");

	private PartialWrites() {
	}

	/**
	 * What the server refused, or {@code null} when the answer is not a partial write (the whole batch
	 * was refused).
	 * @param body the response body
	 * @param message the server's message read from the body or header
	 */
	static @Nullable PartialWrite read(Batch batch, String body, String message) {
		if (body.contains(V3_PARTIAL)) {
			return numbered(batch, LINE_NUMBER.matcher(body), Integer.MAX_VALUE);
		}
		if (message.contains(CLOUD_PARTIAL)) {
			return numbered(batch, CLOUD_LINE.matcher(message), CLOUD_LIST_LIMIT);
		}
		if (!message.contains(V1_PARTIAL)) {
			return null;
		}
		Matcher dropped = DROPPED.matcher(message);
		int droppedCount = dropped.find() ? parseInt(dropped.group(1)) : 0;
		if (droppedCount > 0 || !message.contains(UNABLE_TO_PARSE)) {
			return PartialWrite.counted(Math.min(batch.lineCount, Math.max(1, droppedCount)));
		}
		BitSet refused = unparsedLines(batch, message);
		return refused.isEmpty() ? PartialWrite.counted(1) : PartialWrite.identified(refused);
	}

	/** The lines listed by 1-based number; only a count when the list may have been cut at {@code limit}. */
	private static PartialWrite numbered(Batch batch, Matcher numbers, int limit) {
		BitSet refused = new BitSet(batch.lineCount);
		while (numbers.find()) {
			int number = parseInt(numbers.group(1));
			if (number >= 1 && number <= batch.lineCount) {
				refused.set(number - 1);
			}
		}
		int count = refused.cardinality();
		if (count == 0 || count >= limit) {
			return PartialWrite.counted(Math.max(1, count));
		}
		return PartialWrite.identified(refused);
	}

	/**
	 * The lines quoted after {@code unable to parse '}: a quote may span several lines of the batch
	 * (an unbalanced quote makes the server read on), each is matched to consecutive lines.
	 */
	private static BitSet unparsedLines(Batch batch, String message) {
		String[] lines = new String[batch.lineCount];
		Map<String, List<Integer>> byPrefix = new HashMap<>();
		int start = 0;
		for (int i = 0; i < batch.lineCount; i++) {
			int end = batch.lineEnds[i];
			lines[i] = new String(batch.bytes, start, end - start - 1, StandardCharsets.UTF_8);
			byPrefix.computeIfAbsent(prefix(lines[i]), (key) -> new ArrayList<>()).add(i);
			start = end;
		}
		BitSet refused = new BitSet(batch.lineCount);
		int at = message.indexOf(UNABLE_TO_PARSE);
		while (at >= 0) {
			int from = at + UNABLE_TO_PARSE.length();
			matchQuote(message, from, lines, byPrefix, refused);
			at = message.indexOf(UNABLE_TO_PARSE, from);
		}
		return refused;
	}

	/**
	 * Marks the lines of the quote at {@code from}: lines are indexed by their first
	 * {@value #PREFIX} characters, or all of a shorter line, which ends where the quote or its first
	 * line does.
	 */
	private static void matchQuote(String message, int from, String[] lines, Map<String, List<Integer>> byPrefix,
			BitSet refused) {
		int end = Math.min(message.length(), from + PREFIX);
		for (int cut = from; cut <= end; cut++) {
			boolean shortLineEnds = cut < end && (message.charAt(cut) == '\'' || message.charAt(cut) == '\n');
			if (cut == end || shortLineEnds) {
				for (int candidate : byPrefix.getOrDefault(message.substring(from, cut), List.of())) {
					int last = matchFrom(message, from, lines, candidate);
					if (last >= candidate) {
						refused.set(candidate, last + 1);
						return;
					}
				}
			}
		}
	}

	/** The last line of a quote that starts with line {@code first} at {@code from}, or -1. */
	private static int matchFrom(String message, int from, String[] lines, int first) {
		int position = from;
		for (int line = first; line < lines.length; line++) {
			if (!message.startsWith(lines[line], position)) {
				return -1;
			}
			position += lines[line].length();
			if (message.startsWith("': ", position)) {
				return line;
			}
			if (position >= message.length() || message.charAt(position) != '\n') {
				return -1;
			}
			position++;
		}
		return -1;
	}

	private static String prefix(String line) {
		return line.substring(0, Math.min(line.length(), PREFIX));
	}

	private static int parseInt(String digits) {
		try {
			return Integer.parseInt(digits);
		}
		catch (NumberFormatException ex) {
			return Integer.MAX_VALUE;
		}
	}

}
