package io.influxspring.write.realserver;

import java.util.Random;

/**
 * Random text made of the characters line protocol finds hardest, seeded for reproducible runs.
 * Most pieces can be carried exactly; a few (line breaks, backslashes before separators, unpaired
 * surrogates) must be rejected at the call.
 */
final class HostileStrings {

	private static final String[] CARRIED = { "a", "Z", "0", " ", ",", "=", "\"", "\t", "#", "'", "é", "€", "😀",
			"_", "-", ".", "{", "}", "x y", "\\a", "\\\t", "=\"", "\" " };

	private static final String[] REJECTED = { "\n", "\r", "\\", "\\,", "\\ ", "\\=", "\\\\", "\\\"", "\uD800" };

	private final Random random;

	HostileStrings(long seed) {
		this.random = new Random(seed);
	}

	Random random() {
		return this.random;
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
