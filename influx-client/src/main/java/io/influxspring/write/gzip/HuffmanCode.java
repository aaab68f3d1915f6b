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

	private final long[] sorted;

	private final long[] weights;

	private final int[] parents;

	private final int[] depths;

	private final int[] perLength;

	private final int[] nextCode;

	HuffmanCode(int symbols, int maxBits) {
		this.lengths = new int[symbols];
		this.codes = new int[symbols];
		this.maxBits = maxBits;
		this.sorted = new long[symbols];
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
		int count = this.lengths.length;
		int used = 0;
		for (int symbol = 0; symbol < count; symbol++) {
			if (counts[symbol] > 0) {
				this.sorted[used++] = ((long) counts[symbol] << 16) | symbol;
			}
		}
		Arrays.sort(this.sorted, 0, used);
		Arrays.fill(this.lengths, 0);
		lengthsPerDepth(used);
		limitLengths();
		int leaf = 0;
		for (int length = this.maxBits; length > 0; length--) {
			for (int n = this.perLength[length]; n > 0; n--) {
				this.lengths[(int) (this.sorted[leaf++] & 0xffff)] = length;
			}
		}
		assignCodes();
	}

	/** Counts, in {@link #perLength}, the leaves of a Huffman tree at each depth. */
	private void lengthsPerDepth(int leaves) {
		Arrays.fill(this.perLength, 0);
		for (int i = 0; i < leaves; i++) {
			this.weights[i] = this.sorted[i] >>> 16;
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
