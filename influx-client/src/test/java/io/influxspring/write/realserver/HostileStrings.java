package io.influxspring.write.realserver;

import java.util.Random;

import io.influxspring.write.lineprotocol.LineProtocolDialect;

/**
 * Random text made of the characters line protocol finds hardest, seeded for reproducible runs, for
 * a writer with the given {@link LineProtocolDialect}. Most pieces can be carried exactly in every
 * name under that dialect; a few (line breaks, tabs, misplaced backslashes, unpaired surrogates)
 * make a name rejected at the call, or may, depending on what follows them.
 */
final class HostileStrings {

	private static final String[] CARRIED = { "a", "Z", "0", " ", ",", "=", "\"", "#", "'", "é", "€", "😀", "_", "-",
			".", "{", "}", "x y", "=\"", "\" " };

	/** Carried by {@link LineProtocolDialect#PORTABLE} too. */
	private static final String[] CARRIED_PORTABLE = { "\t" };

	/** Backslashes {@link LineProtocolDialect#INFLUXDB} carries in every name. */
	private static final String[] CARRIED_INFLUXDB = { "\\a", "\\é", "\\#", "\\'", "C:\\Program Files\\x",
			"DOMAIN\\user", "\\😀" };

	private static final String[] REJECTED = { "\n", "\r", "\\", "\\,", "\\ ", "\\=", "\\\\", "\\\"", "\uD800" };

	/** Rejected in names by {@link LineProtocolDialect#PORTABLE} only. */
	private static final String[] REJECTED_PORTABLE = { "\\a", "\u0000" };

	/** Rejected in names by {@link LineProtocolDialect#INFLUXDB} only. */
	private static final String[] REJECTED_INFLUXDB = { "\t", "\u0000", "\u007F", "\u0085" };

	private static final String[] CARRIED_IN_STRINGS = { "\\", "\\\\", "\\\"", "\\a", "\"\\", "\\,", "\\ ", "\t" };

	/** Carried in strings by {@link LineProtocolDialect#INFLUXDB} only. */
	private static final String[] CARRIED_IN_STRINGS_INFLUXDB = { "\n", "\r", "\r\n", "\u0000", "\n\t at x" };

	private static final String[] REJECTED_IN_STRINGS = { "\uDC00" };

	/** Rejected in strings by {@link LineProtocolDialect#PORTABLE} only. */
	private static final String[] REJECTED_IN_STRINGS_PORTABLE = { "\n", "\r", "\r\n" };

	private final Random random;

	private final String[] carried;

	private final String[] rejected;

	private final String[] carriedInStrings;

	private final String[] rejectedInStrings;

	HostileStrings(long seed, LineProtocolDialect dialect) {
		this.random = new Random(seed);
		boolean influxDb = dialect == LineProtocolDialect.INFLUXDB;
		this.carried = join(CARRIED, influxDb ? CARRIED_INFLUXDB : CARRIED_PORTABLE);
		this.rejected = join(REJECTED, influxDb ? REJECTED_INFLUXDB : REJECTED_PORTABLE);
		this.carriedInStrings = influxDb ? join(CARRIED_IN_STRINGS, CARRIED_IN_STRINGS_INFLUXDB) : CARRIED_IN_STRINGS;
		this.rejectedInStrings = influxDb ? REJECTED_IN_STRINGS
				: join(REJECTED_IN_STRINGS, REJECTED_IN_STRINGS_PORTABLE);
	}

	Random random() {
		return this.random;
	}

	/**
	 * Text for a string field: names' pieces plus what only strings carry (backslashes, and under
	 * {@link LineProtocolDialect#INFLUXDB} line breaks), with pieces that strings cannot carry at the
	 * given share.
	 */
	String nextText(int maxPieces, double rejectedShare) {
		StringBuilder text = new StringBuilder();
		int pieces = 1 + this.random.nextInt(maxPieces);
		for (int i = 0; i < pieces; i++) {
			double roll = this.random.nextDouble();
			String[] from = (roll < rejectedShare) ? this.rejectedInStrings
					: (roll < 0.3) ? this.carriedInStrings : this.carried;
			text.append(from[this.random.nextInt(from.length)]);
		}
		return text.toString();
	}

	/**
	 * {@code prefix} and 1 to {@code maxPieces} pieces, each one that cannot (or may not) be carried
	 * with the given probability.
	 */
	String next(String prefix, int maxPieces, double rejectedShare) {
		StringBuilder text = new StringBuilder(prefix);
		int pieces = 1 + this.random.nextInt(maxPieces);
		for (int i = 0; i < pieces; i++) {
			String[] from = (this.random.nextDouble() < rejectedShare) ? this.rejected : this.carried;
			text.append(from[this.random.nextInt(from.length)]);
		}
		return text.toString();
	}

	private static String[] join(String[] first, String[] second) {
		String[] all = new String[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
