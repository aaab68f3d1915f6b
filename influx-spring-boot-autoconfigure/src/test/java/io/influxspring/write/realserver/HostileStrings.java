package io.influxspring.write.realserver;

import java.util.Random;

/**
 * Random text made of the characters line protocol finds hardest, seeded for reproducible runs.
 * Most pieces can be carried exactly; a few (line breaks, backslashes before separators, unpaired
 * surrogates) must be rejected at the call.
 */
final class HostileStrings {

	private static final String[] CARRIED = { "a", "Z", "0", " ", ",", "=", "\"", "\t", "#", "'", "é", "€", "😀",
			"_", "-", ".", "{", "}", "x y", "=\"", "\" " };

	private static final String[] REJECTED = { "\n", "\r", "\\", "\\,", "\\ ", "\\=", "\\\\", "\\\"", "\\a",
			"\uD800" };

	private static final String[] CARRIED_IN_STRINGS = { "\\", "\\\\", "\\\"", "\\a", "\"\\", "\\,", "\\ " };

	private static final String[] REJECTED_IN_STRINGS = { "\n", "\r", "\r\n", "\uDC00" };

	private final Random random;

	HostileStrings(long seed) {
		this.random = new Random(seed);
	}

	Random random() {
		return this.random;
	}

	/**
	 * Text for a string field: names' pieces plus backslashes (which strings carry), with line breaks
	 * and unpaired surrogates at the given share.
	 */
	String nextText(int maxPieces, double rejectedShare) {
		StringBuilder text = new StringBuilder();
		int pieces = 1 + this.random.nextInt(maxPieces);
		for (int i = 0; i < pieces; i++) {
			double roll = this.random.nextDouble();
			String[] from = (roll < rejectedShare) ? REJECTED_IN_STRINGS : (roll < 0.3) ? CARRIED_IN_STRINGS : CARRIED;
			text.append(from[this.random.nextInt(from.length)]);
		}
		return text.toString();
	}

	/**
	 * {@code prefix} and 1 to {@code maxPieces} pieces, each one that cannot be carried with the
	 * given probability.
	 */
	String next(String prefix, int maxPieces, double rejectedShare) {
		StringBuilder text = new StringBuilder(prefix);
		int pieces = 1 + this.random.nextInt(maxPieces);
		for (int i = 0; i < pieces; i++) {
			String[] from = (this.random.nextDouble() < rejectedShare) ? REJECTED : CARRIED;
			text.append(from[this.random.nextInt(from.length)]);
		}
		return text.toString();
	}

}
