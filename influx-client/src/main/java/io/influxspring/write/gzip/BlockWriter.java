package io.influxspring.write.gzip;

import java.util.Arrays;

import static io.influxspring.write.gzip.DeflateCodes.CODE_LENGTH_ORDER;
import static io.influxspring.write.gzip.DeflateCodes.DISTANCES;
import static io.influxspring.write.gzip.DeflateCodes.DISTANCE_BASE;
import static io.influxspring.write.gzip.DeflateCodes.DISTANCE_EXTRA;
import static io.influxspring.write.gzip.DeflateCodes.END_OF_BLOCK;
import static io.influxspring.write.gzip.DeflateCodes.LENGTH_BASE;
import static io.influxspring.write.gzip.DeflateCodes.LENGTH_EXTRA;
import static io.influxspring.write.gzip.DeflateCodes.LITERALS;
import static io.influxspring.write.gzip.DeflateCodes.MAX_MATCH;
import static io.influxspring.write.gzip.DeflateCodes.MIN_MATCH;

/**
 * Writes one deflate block of literals and matches: with Huffman codes built for it (a dynamic
 * block), or as the input bytes themselves (a stored block) when that is smaller.
 *
 * @since 0.1.0
 */
final class BlockWriter {

	private static final int MAX_STORED = 65535;

	private final HuffmanCode literals = new HuffmanCode(LITERALS, 15);

	private final HuffmanCode distances = new HuffmanCode(DISTANCES, 15);

	private final HuffmanCode lengthCode = new HuffmanCode(19, 7);

	private final int[] codeLengths = new int[LITERALS + DISTANCES];

	/** The code-length symbols of the header, each with its extra bits above bit 8. */
	private final int[] runs = new int[LITERALS + DISTANCES];

	private final int[] runCounts = new int[19];

	private final int[] lengthCodes = new int[MAX_MATCH - MIN_MATCH + 1];

	private final int[] lengthBits = new int[MAX_MATCH - MIN_MATCH + 1];

	/**
	 * The symbol of a match as {@link DeflateEncoder} records it: negative, unlike a literal, with
	 * its length less 3 in bits 20 to 27, its distance code in bits 15 to 19 and its distance less 1
	 * below.
	 */
	static int match(int length, int distanceCode, int distance) {
		return Integer.MIN_VALUE | ((length - MIN_MATCH) << 20) | (distanceCode << 15) | (distance - 1);
	}

	/**
	 * Writes a block of {@code count} symbols (a literal byte, or a {@link #match}), whose literal
	 * and length codes and distance codes were counted in {@code literalCounts} and
	 * {@code distanceCounts}, standing for {@code input[from..to)}.
	 */
	void write(BitWriter out, int[] symbols, int count, int[] literalCounts, int[] distanceCounts, byte[] input,
			int from, int to, boolean last) {
		literalCounts[END_OF_BLOCK] = 1;
		atLeastTwo(literalCounts, LITERALS);
		atLeastTwo(distanceCounts, DISTANCES);
		this.literals.build(literalCounts);
		this.distances.build(distanceCounts);
		int literalCodes = used(this.literals.lengths, 257);
		int distanceCodes = used(this.distances.lengths, 1);
		int runCount = runLengths(literalCodes, distanceCodes);
		atLeastTwo(this.runCounts, 19);
		this.lengthCode.build(this.runCounts);
		int lengthCodes = 19;
		while (lengthCodes > 4 && this.lengthCode.lengths[CODE_LENGTH_ORDER[lengthCodes - 1]] == 0) {
			lengthCodes--;
		}
		long dynamicBits = 17 + 3L * lengthCodes + headerBits(runCount) + symbolBits(literalCounts, distanceCounts);
		long storedBits = 8L * ((to - from) + 5L * Math.max(1, (to - from + MAX_STORED - 1) / MAX_STORED)) + 8;
		if (storedBits <= dynamicBits) {
			stored(out, input, from, to, last);
			return;
		}
		out.ensure((int) Math.min(Integer.MAX_VALUE, dynamicBits / 8 + 16));
		out.put(last ? 1 : 0, 1);
		out.put(2, 2);
		out.put(literalCodes - 257, 5);
		out.put(distanceCodes - 1, 5);
		out.put(lengthCodes - 4, 4);
		for (int i = 0; i < lengthCodes; i++) {
			out.put(this.lengthCode.lengths[CODE_LENGTH_ORDER[i]], 3);
		}
		for (int i = 0; i < runCount; i++) {
			int symbol = this.runs[i] & 0xff;
			out.put(this.lengthCode.codes[symbol], this.lengthCode.lengths[symbol]);
			if (symbol >= 16) {
				out.put(this.runs[i] >>> 8, extraBits(symbol));
			}
		}
		symbols(out, symbols, count);
		out.put(this.literals.codes[END_OF_BLOCK], this.literals.lengths[END_OF_BLOCK]);
	}

	private void symbols(BitWriter out, int[] symbols, int count) {
		int[] literalCodes = this.literals.codes;
		int[] literalLengths = this.literals.lengths;
		int[] distanceCodes = this.distances.codes;
		int[] distanceLengths = this.distances.lengths;
		int[] lengthBits = this.lengthBits;
		int[] lengthCodes = this.lengthCodes;
		for (int length = MIN_MATCH; length <= MAX_MATCH; length++) {
			int code = DeflateCodes.lengthCode(length);
			lengthCodes[length - MIN_MATCH] = literalCodes[257 + code]
					| ((length - LENGTH_BASE[code]) << literalLengths[257 + code]);
			lengthBits[length - MIN_MATCH] = literalLengths[257 + code] + LENGTH_EXTRA[code];
		}
		for (int i = 0; i < count; i++) {
			int symbol = symbols[i];
			if (symbol >= 0) {
				out.put(literalCodes[symbol], literalLengths[symbol]);
				continue;
			}
			int length = (symbol >>> 20) & 0xff;
			out.put(lengthCodes[length], lengthBits[length]);
			int code = (symbol >>> 15) & 0x1f;
			int extra = (symbol & 0x7fff) + 1 - DISTANCE_BASE[code];
			out.put(distanceCodes[code] | (extra << distanceLengths[code]), distanceLengths[code] + DISTANCE_EXTRA[code]);
		}
	}

	private void stored(BitWriter out, byte[] input, int from, int to, boolean last) {
		int at = from;
		do {
			int length = Math.min(MAX_STORED, to - at);
			out.ensure(length + 8);
			out.put((last && at + length == to) ? 1 : 0, 1);
			out.put(0, 2);
			out.alignToByte();
			out.put(length | (~length << 16), 32);
			out.putBytes(input, at, length);
			at += length;
		}
		while (at < to);
	}

	/** The code-length symbols of the two codes' lengths, with runs of one length shortened. */
	private int runLengths(int literalCodes, int distanceCodes) {
		System.arraycopy(this.literals.lengths, 0, this.codeLengths, 0, literalCodes);
		System.arraycopy(this.distances.lengths, 0, this.codeLengths, literalCodes, distanceCodes);
		Arrays.fill(this.runCounts, 0);
		int total = literalCodes + distanceCodes;
		int count = 0;
		for (int i = 0; i < total;) {
			int length = this.codeLengths[i];
			int run = 1;
			while (i + run < total && this.codeLengths[i + run] == length) {
				run++;
			}
			i += run;
			if (length == 0) {
				for (; run >= 11; run -= Math.min(run, 138)) {
					count = run(count, 18, Math.min(run, 138) - 11);
				}
				if (run >= 3) {
					count = run(count, 17, run - 3);
					run = 0;
				}
			}
			else {
				count = run(count, length, 0);
				for (run--; run >= 3; run -= Math.min(run, 6)) {
					count = run(count, 16, Math.min(run, 6) - 3);
				}
			}
			for (; run > 0; run--) {
				count = run(count, length, 0);
			}
		}
		return count;
	}

	private int run(int count, int symbol, int extra) {
		this.runs[count] = symbol | (extra << 8);
		this.runCounts[symbol]++;
		return count + 1;
	}

	private long headerBits(int runCount) {
		long bits = 0;
		for (int i = 0; i < runCount; i++) {
			int symbol = this.runs[i] & 0xff;
			bits += this.lengthCode.lengths[symbol] + extraBits(symbol);
		}
		return bits;
	}

	/** The extra bits after a code-length symbol: a repeat count for 16, 17 and 18, none for a length. */
	private static int extraBits(int symbol) {
		return (symbol == 16) ? 2 : (symbol == 17) ? 3 : (symbol == 18) ? 7 : 0;
	}

	private long symbolBits(int[] literalCounts, int[] distanceCounts) {
		long bits = 0;
		for (int symbol = 0; symbol < LITERALS; symbol++) {
			bits += (long) literalCounts[symbol]
					* (this.literals.lengths[symbol] + ((symbol > 256) ? LENGTH_EXTRA[symbol - 257] : 0));
		}
		for (int code = 0; code < DISTANCES; code++) {
			bits += (long) distanceCounts[code] * (this.distances.lengths[code] + DISTANCE_EXTRA[code]);
		}
		return bits;
	}

	/** Gives a count of 1 to the first symbols counted 0 until two are above 0, as every code must have two. */
	private static void atLeastTwo(int[] counts, int symbols) {
		int used = 0;
		for (int symbol = 0; symbol < symbols && used < 2; symbol++) {
			if (counts[symbol] > 0) {
				used++;
			}
		}
		for (int symbol = 0; symbol < symbols && used < 2; symbol++) {
			if (counts[symbol] == 0) {
				counts[symbol] = 1;
				used++;
			}
		}
	}

	private static int used(int[] lengths, int minimum) {
		int used = lengths.length;
		while (used > minimum && lengths[used - 1] == 0) {
			used--;
		}
		return used;
	}

}
