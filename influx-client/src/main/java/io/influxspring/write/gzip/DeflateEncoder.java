package io.influxspring.write.gzip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import static io.influxspring.write.gzip.DeflateCodes.DISTANCES;
import static io.influxspring.write.gzip.DeflateCodes.LITERALS;
import static io.influxspring.write.gzip.DeflateCodes.MAX_MATCH;
import static io.influxspring.write.gzip.DeflateCodes.WINDOW;

/**
 * Raw deflate (RFC 1951) made for line protocol: one greedy pass that tries the distance of the
 * last match first (in line protocol, mostly the previous line's length or a multiple) and then
 * the last place the next four bytes were seen, extends a match eight bytes at a time, and writes
 * a dynamic Huffman block every {@value #BLOCK_SYMBOLS} symbols.
 *
 * @since 0.1.0
 */
final class DeflateEncoder {

	private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	static final int BLOCK_SYMBOLS = 1 << 15;

	private static final int HASH_BITS = 15;

	/** Where the body's positions begin in {@link #seen}, so that a new body need not clear it. */
	private int base;

	/** The position, plus {@link #base}, where each hash of four bytes was seen last. */
	private final int[] seen = new int[1 << HASH_BITS];

	private final int[] symbols = new int[BLOCK_SYMBOLS];

	private final int[] literalCounts = new int[LITERALS];

	private final int[] distanceCounts = new int[DISTANCES];

	private final BlockWriter blocks = new BlockWriter();

	DeflateEncoder() {
		Arrays.fill(this.seen, -1);
	}

	/** Sets where the next body's positions begin, as if many bodies had gone before. */
	void startPositionsAt(int base) {
		this.base = base;
	}

	/**
	 * Writes {@code input[0..length)} deflated to {@code out}, as one stream ending in a final block.
	 * The positions restart here, before they could overflow (every few thousand bodies): a branch
	 * the JIT rarely sees taken, kept out of the long loop so that taking it does not discard that
	 * loop's compiled code.
	 */
	void deflate(byte[] input, int length, BitWriter out) {
		if ((long) this.base + length + WINDOW + 1 > Integer.MAX_VALUE) {
			Arrays.fill(this.seen, -1);
			this.base = 0;
		}
		deflatePositioned(input, length, out);
	}

	private void deflatePositioned(byte[] input, int length, BitWriter out) {
		int base = this.base;
		int[] seen = this.seen;
		int[] symbols = this.symbols;
		int[] literalCounts = this.literalCounts;
		int[] distanceCounts = this.distanceCounts;
		int count = 0;
		int blockStart = 0;
		int last = 0;
		int at = 0;
		for (int hashed = length - 4; at <= hashed;) {
			if (count > BLOCK_SYMBOLS - 8) {
				this.blocks.write(out, symbols, count, literalCounts, distanceCounts, input, blockStart, at, false);
				clearCounts();
				count = 0;
				blockStart = at;
			}
			int word = (int) INTS.get(input, at);
			int slot = (word * 0x9E3779B1) >>> (32 - HASH_BITS);
			int candidate = seen[slot] - base;
			seen[slot] = base + at;
			int distance;
			if (last != 0 && (int) INTS.get(input, at - last) == word) {
				distance = last;
			}
			else if (candidate >= 0 && at - candidate <= WINDOW && (int) INTS.get(input, candidate) == word) {
				distance = at - candidate;
			}
			else {
				int literal = input[at++] & 0xff;
				symbols[count++] = literal;
				literalCounts[literal]++;
				continue;
			}
			int matched = 4 + common(input, at + 4, at + 4 - distance, Math.min(MAX_MATCH, length - at) - 4);
			int distanceCode = DeflateCodes.distanceCode(distance);
			symbols[count++] = BlockWriter.match(matched, distanceCode, distance);
			literalCounts[257 + DeflateCodes.lengthCode(matched)]++;
			distanceCounts[distanceCode]++;
			last = distance;
			at += matched;
		}
		for (; at < length; at++) {
			int literal = input[at] & 0xff;
			symbols[count++] = literal;
			literalCounts[literal]++;
		}
		this.blocks.write(out, symbols, count, literalCounts, distanceCounts, input, blockStart, length, true);
		out.alignToByte();
		clearCounts();
		this.base = base + length + WINDOW + 1;
	}

	private void clearCounts() {
		Arrays.fill(this.literalCounts, 0);
		Arrays.fill(this.distanceCounts, 0);
	}

	/** How many bytes, at most {@code max}, from {@code at} equal those from {@code from}. */
	private static int common(byte[] input, int at, int from, int max) {
		int n = 0;
		for (; n + 8 <= max; n += 8) {
			long difference = (long) LONGS.get(input, at + n) ^ (long) LONGS.get(input, from + n);
			if (difference != 0) {
				return n + (Long.numberOfTrailingZeros(difference) >>> 3);
			}
		}
		while (n < max && input[at + n] == input[from + n]) {
			n++;
		}
		return n;
	}

}
