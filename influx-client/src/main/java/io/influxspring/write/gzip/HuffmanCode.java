package io.influxspring.write.gzip;

import java.util.Arrays;

/**
 * A canonical Huffman code built from symbol counts, its lengths limited to a maximum, with each
 * code's bits reversed for a writer that fills bytes from the least significant bit (RFC 1951,
 * 3.1.1 and 3.2.2).
 *
 * @since 0.1.0
 */
final class HuffmanCode {

	final int[] lengths;

	final int[] codes;

	private final int maxBits;

	private final int[] sorted;

	private final int[] spare;

	private final int[] buckets = new int[257];

	private final long[] weights;

	private final int[] parents;

	private final int[] depths;

	private final int[] perLength;

	private final int[] nextCode;

	HuffmanCode(int symbols, int maxBits) {
		this.lengths = new int[symbols];
		this.codes = new int[symbols];
		this.maxBits = maxBits;
		this.sorted = new int[symbols];
		this.spare = new int[symbols];
		this.weights = new long[2 * symbols];
		this.parents = new int[2 * symbols];
		this.depths = new int[2 * symbols];
		this.perLength = new int[Math.max(maxBits, 31) + 1];
		this.nextCode = new int[maxBits + 1];
	}

	/**
	 * Builds the code of every symbol from its count. At least two counts must be above zero, so
	 * that every code is complete and at least one bit long.
	 */
	void build(int[] counts) {
		int used = sortByCount(counts);
		Arrays.fill(this.lengths, 0);
		lengthsPerDepth(counts, used);
		limitLengths();
		int leaf = 0;
		for (int length = this.maxBits; length > 0; length--) {
			for (int n = this.perLength[length]; n > 0; n--) {
				this.lengths[this.sorted[leaf++]] = length;
			}
		}
		assignCodes();
	}

	/**
	 * Puts the symbols counted in {@link #sorted}, fewest first and in symbol order among equal
	 * counts, with a radix sort of the counts a byte at a time (a small method, quickly compiled).
	 */
	private int sortByCount(int[] counts) {
		int used = 0;
		int max = 0;
		for (int symbol = 0; symbol < this.lengths.length; symbol++) {
			if (counts[symbol] > 0) {
				this.sorted[used++] = symbol;
				max = Math.max(max, counts[symbol]);
			}
		}
		int[] from = this.sorted;
		int[] to = this.spare;
		for (int shift = 0; shift < 32 && (max >>> shift) != 0; shift += 8) {
			Arrays.fill(this.buckets, 0);
			for (int i = 0; i < used; i++) {
				this.buckets[((counts[from[i]] >>> shift) & 0xff) + 1]++;
			}
			for (int digit = 1; digit < 257; digit++) {
				this.buckets[digit] += this.buckets[digit - 1];
			}
			for (int i = 0; i < used; i++) {
				to[this.buckets[(counts[from[i]] >>> shift) & 0xff]++] = from[i];
			}
			int[] swap = from;
			from = to;
			to = swap;
		}
		if (from != this.sorted) {
			System.arraycopy(from, 0, this.sorted, 0, used);
		}
		return used;
	}

	/** Counts, in {@link #perLength}, the leaves of a Huffman tree at each depth. */
	private void lengthsPerDepth(int[] counts, int leaves) {
		Arrays.fill(this.perLength, 0);
		for (int i = 0; i < leaves; i++) {
			this.weights[i] = counts[this.sorted[i]];
		}
		int leaf = 0;
		int node = leaves;
		for (int next = leaves; next < 2 * leaves - 1; next++) {
			int first = (leaf < leaves && (node >= next || this.weights[leaf] <= this.weights[node])) ? leaf++ : node++;
			int second = (leaf < leaves && (node >= next || this.weights[leaf] <= this.weights[node])) ? leaf++ : node++;
			this.weights[next] = this.weights[first] + this.weights[second];
			this.parents[first] = next;
			this.parents[second] = next;
		}
		int root = 2 * leaves - 2;
		this.depths[root] = 0;
		for (int i = root - 1; i >= 0; i--) {
			this.depths[i] = this.depths[this.parents[i]] + 1;
		}
		for (int i = 0; i < leaves; i++) {
			this.perLength[Math.min(this.depths[i], this.perLength.length - 1)]++;
		}
	}

	/** Moves leaves deeper than the maximum up, and others down, until the code is complete again. */
	private void limitLengths() {
		for (int length = this.maxBits + 1; length < this.perLength.length; length++) {
			this.perLength[this.maxBits] += this.perLength[length];
			this.perLength[length] = 0;
		}
		long total = 0;
		for (int length = 1; length <= this.maxBits; length++) {
			total += (long) this.perLength[length] << (this.maxBits - length);
		}
		while (total > (1L << this.maxBits)) {
			this.perLength[this.maxBits]--;
			for (int length = this.maxBits - 1; length > 0; length--) {
				if (this.perLength[length] > 0) {
					this.perLength[length]--;
					this.perLength[length + 1] += 2;
					break;
				}
			}
			total--;
		}
	}

	private void assignCodes() {
		int[] next = this.nextCode;
		int code = 0;
		this.perLength[0] = 0;
		for (int length = 1; length <= this.maxBits; length++) {
			code = (code + this.perLength[length - 1]) << 1;
			next[length] = code;
		}
		for (int symbol = 0; symbol < this.lengths.length; symbol++) {
			int length = this.lengths[symbol];
			if (length > 0) {
				this.codes[symbol] = Integer.reverse(next[length]++) >>> (32 - length);
			}
		}
	}

}
