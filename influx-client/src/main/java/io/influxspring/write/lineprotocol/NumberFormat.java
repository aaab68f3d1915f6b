package io.influxspring.write.lineprotocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Decimal formatting of numbers into a {@link LineProtocolBuffer}. */
final class NumberFormat {

	/** Eight bytes of a {@code byte[]} at any offset, the first in the lowest byte. */
	static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	/** Doubles with a magnitude below this that are whole numbers are written as integers. */
	private static final double INTEGRAL_LIMIT = 1e15;

	/** Doubles below this magnitude are tried with up to {@link #MAX_FAST_DECIMALS} decimals without allocating. */
	private static final double FAST_LIMIT = 1e9;

	private static final int MAX_FAST_DECIMALS = 6;

	private static final double[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000 };

	/** 10^0 to 10^18. */
	static final long[] TEN_POWERS = new long[19];

	/** The tens digit of 0..99. */
	static final byte[] TENS = new byte[100];

	/** The ones digit of 0..99. */
	static final byte[] ONES = new byte[100];

	static {
		TEN_POWERS[0] = 1;
		for (int i = 1; i < TEN_POWERS.length; i++) {
			TEN_POWERS[i] = TEN_POWERS[i - 1] * 10;
		}
		for (int i = 0; i < 100; i++) {
			TENS[i] = (byte) ('0' + i / 10);
			ONES[i] = (byte) ('0' + i % 10);
		}
	}

	private NumberFormat() {
	}

	/**
	 * Writes the digits of a non-negative long into {@code bytes}, ending just before {@code end}:
	 * eight digits at a time in one {@code long} store while more than eight are left, then two at
	 * a time.
	 */
	static void writeDigits(byte[] bytes, int end, long value) {
		int position = end;
		while (value >= 100_000_000) {
			long high = value / 100_000_000;
			position -= 8;
			LONGS.set(bytes, position, eightDigits((int) (value - high * 100_000_000)));
			value = high;
		}
		int rest = (int) value;
		while (rest >= 100) {
			int high = rest / 100;
			int pair = rest - high * 100;
			bytes[--position] = ONES[pair];
			bytes[--position] = TENS[pair];
			rest = high;
		}
		if (rest >= 10) {
			bytes[--position] = ONES[rest];
			bytes[--position] = TENS[rest];
		}
		else {
			bytes[--position] = (byte) ('0' + rest);
		}
	}

	/**
	 * The eight ASCII digits of {@code 0 <= value < 10^8}, zero-padded, the first in the lowest byte:
	 * the value split into two lanes of four digits, each lane into two of two digits, each of those
	 * into two bytes, by multiplications that divide every lane at once.
	 */
	static long eightDigits(int value) {
		long high = value / 10_000;
		long lanes = high | ((value - high * 10_000) << 32);
		long hundreds = ((lanes * 10_486) >>> 20) & 0x0000_007F_0000_007FL;
		long pairs = hundreds | ((lanes - hundreds * 100) << 16);
		long tens = ((pairs * 103) >>> 10) & 0x000F_000F_000F_000FL;
		long digits = tens | ((pairs - tens * 10) << 8);
		return digits + 0x3030_3030_3030_3030L;
	}

	/** Number of decimal digits of a non-negative long. */
	static int digitCount(long value) {
		int estimate = ((64 - Long.numberOfLeadingZeros(value)) * 1233) >>> 12;
		return (estimate < 19 && value >= TEN_POWERS[estimate]) ? estimate + 1 : Math.max(estimate, 1);
	}

	/**
	 * Appends {@code value} as {@code m / 10^k} with the smallest {@code k <= 6} that reads back to
	 * the same double (so the shortest plain decimal); {@code false} when none does. Division of two
	 * exactly representable numbers rounds like parsing the decimal, so the check is exact.
	 */
	private static boolean appendFewDecimals(LineProtocolBuffer buffer, double value) {
		for (int decimals = 1; decimals <= MAX_FAST_DECIMALS; decimals++) {
			long scaled = Math.round(value * POWERS[decimals]);
			if (scaled / POWERS[decimals] == value) {
				long magnitude = Math.abs(scaled);
				if (scaled < 0) {
					buffer.appendByte('-');
				}
				buffer.appendLong(magnitude / TEN_POWERS[decimals]);
				buffer.appendFraction(magnitude % TEN_POWERS[decimals], decimals);
				return true;
			}
		}
		return false;
	}

	/**
	 * Appends a finite double in the shortest form that reads back to the same value: whole numbers
	 * below 10^15 as plain digits, others as {@link ShortestDecimal} writes them (exponent notation
	 * outside 10^-3..10^7, which InfluxDB accepts).
	 */
	static void appendDouble(LineProtocolBuffer buffer, double value) {
		if (value == 0) {
			if (Double.doubleToRawLongBits(value) != 0) {
				buffer.appendAscii("-0");
			}
			else {
				buffer.appendByte('0');
			}
			return;
		}
		double magnitude = Math.abs(value);
		if (magnitude < INTEGRAL_LIMIT && value == Math.rint(value)) {
			buffer.appendLong((long) value);
			return;
		}
		if (magnitude < FAST_LIMIT && appendFewDecimals(buffer, value)) {
			return;
		}
		buffer.appendAscii(ShortestDecimal.of(value));
	}

}
