package io.influxspring.write.gzip;

/**
 * The fixed tables of RFC 1951: the length and distance codes a match is written with, their
 * extra bits, and the order in which a dynamic block lists its code-length code.
 *
 * @since 0.1.0
 */
final class DeflateCodes {

	/** The first length of each length code, 257 to 285. */
	static final int[] LENGTH_BASE = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
			67, 83, 99, 115, 131, 163, 195, 227, 258 };

	static final int[] LENGTH_EXTRA = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5,
			5, 5, 5, 0 };

	/** The first distance of each distance code, 0 to 29. */
	static final int[] DISTANCE_BASE = { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
			769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };

	static final int[] DISTANCE_EXTRA = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
			11, 11, 12, 12, 13, 13 };

	/** The order of the code-length code's lengths in a dynamic block's header. */
	static final int[] CODE_LENGTH_ORDER = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };

	static final int LITERALS = 286;

	static final int DISTANCES = 30;

	static final int END_OF_BLOCK = 256;

	static final int MIN_MATCH = 3;

	static final int MAX_MATCH = 258;

	static final int WINDOW = 32768;

	/** The length code (0 to 28, less 257) of a match length less 3. */
	private static final byte[] LENGTH_CODE = new byte[256];

	/** The distance code of a distance less 1: below 256 directly, above at 256 + (distance - 1) / 128. */
	private static final byte[] DISTANCE_CODE = new byte[512];

	static {
		for (int code = 0; code < 28; code++) {
			for (int i = 0; i < 1 << LENGTH_EXTRA[code]; i++) {
				LENGTH_CODE[LENGTH_BASE[code] - MIN_MATCH + i] = (byte) code;
			}
		}
		LENGTH_CODE[MAX_MATCH - MIN_MATCH] = 28;
		for (int code = 0; code < DISTANCES; code++) {
			for (int i = 0; i < 1 << DISTANCE_EXTRA[code]; i++) {
				int less1 = DISTANCE_BASE[code] - 1 + i;
				DISTANCE_CODE[(less1 < 256) ? less1 : 256 + (less1 >>> 7)] = (byte) code;
			}
		}
	}

	private DeflateCodes() {
	}

	static int lengthCode(int length) {
		return LENGTH_CODE[length - MIN_MATCH];
	}

	static int distanceCode(int distance) {
		int less1 = distance - 1;
		return DISTANCE_CODE[(less1 < 256) ? less1 : 256 + (less1 >>> 7)];
	}

}
