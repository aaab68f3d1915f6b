package io.influxspring.write.gzip;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Codes built from counts are complete, prefix-free and within their maximum length. */
class HuffmanCodeTest {

	@Test
	void fibonacciCountsThatWouldGiveA40BitCodeAreLimitedTo15Bits() {
		int[] counts = new int[286];
		counts[0] = 1;
		counts[1] = 1;
		for (int i = 2; i < 40; i++) {
			counts[i] = counts[i - 1] + counts[i - 2];
		}
		HuffmanCode code = new HuffmanCode(286, 15);
		code.build(counts);
		assertThat(Arrays.stream(code.lengths).max().getAsInt()).isEqualTo(15);
		assertComplete(code, counts);
		assertThat(code.lengths[39]).isLessThanOrEqualTo(code.lengths[0]);
	}

	@Test
	void twoSymbolsGetOneBitEach() {
		int[] counts = new int[19];
		counts[4] = 10;
		counts[17] = 1;
		HuffmanCode code = new HuffmanCode(19, 7);
		code.build(counts);
		assertThat(code.lengths[4]).isEqualTo(1);
		assertThat(code.lengths[17]).isEqualTo(1);
		assertThat(code.codes[4]).isNotEqualTo(code.codes[17]);
	}

	@Test
	void randomCountsGiveCompletePrefixFreeCodesWhenBuiltAgainAndAgain() {
		Random random = new Random(1);
		HuffmanCode code = new HuffmanCode(286, 15);
		for (int round = 0; round < 500; round++) {
			int[] counts = new int[286];
			int used = 2 + random.nextInt(285);
			for (int i = 0; i < used; i++) {
				counts[random.nextInt(286)] = 1 + ((round % 2 == 0) ? random.nextInt(10) : random.nextInt(1 << 20));
			}
			counts[0] = Math.max(counts[0], 1);
			counts[285] = Math.max(counts[285], 1);
			code.build(counts);
			assertComplete(code, counts);
		}
	}

	@Test
	void aSymbolCountedMoreNeverGetsALongerCodeWhateverTheSizeOfTheCounts() {
		Random random = new Random(2);
		HuffmanCode code = new HuffmanCode(286, 15);
		for (int round = 0; round < 300; round++) {
			int[] counts = new int[286];
			int bits = 1 + (round % 31);
			for (int i = 0; i < 286; i++) {
				counts[i] = (random.nextInt(4) == 0) ? 0 : 1 + random.nextInt((bits == 31) ? Integer.MAX_VALUE : 1 << bits);
			}
			counts[7] = Math.max(counts[7], 1);
			counts[200] = Math.max(counts[200], 1);
			code.build(counts);
			assertComplete(code, counts);
			for (int a = 0; a < counts.length; a++) {
				for (int b = 0; b < counts.length; b++) {
					if (counts[a] > counts[b] && counts[b] > 0) {
						assertThat(code.lengths[a]).as("counts %d and %d", counts[a], counts[b])
							.isLessThanOrEqualTo(code.lengths[b]);
					}
				}
			}
		}
	}

	private static void assertComplete(HuffmanCode code, int[] counts) {
		long kraft = 0;
		for (int symbol = 0; symbol < counts.length; symbol++) {
			assertThat(code.lengths[symbol] > 0).as("symbol %d counted %d", symbol, counts[symbol])
				.isEqualTo(counts[symbol] > 0);
			if (code.lengths[symbol] > 0) {
				assertThat(code.lengths[symbol]).isLessThanOrEqualTo(15);
				kraft += 1L << (15 - code.lengths[symbol]);
			}
		}
		assertThat(kraft).isEqualTo(1L << 15);
		for (int a = 0; a < counts.length; a++) {
			for (int b = 0; b < counts.length; b++) {
				if (a != b && code.lengths[a] > 0 && code.lengths[b] > 0 && code.lengths[a] <= code.lengths[b]) {
					int mask = (1 << code.lengths[a]) - 1;
					assertThat(code.codes[b] & mask).as("code of %d is a prefix of %d's", a, b)
						.isNotEqualTo(code.codes[a]);
				}
			}
		}
	}

}
