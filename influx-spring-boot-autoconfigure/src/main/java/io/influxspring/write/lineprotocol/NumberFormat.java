package io.influxspring.write.lineprotocol;

/** Decimal formatting of numbers into a {@link LineProtocolBuffer}. */
final class NumberFormat {

	/** Doubles with a magnitude below this that are whole numbers are written as integers. */
	private static final double INTEGRAL_LIMIT = 1e15;

	private NumberFormat() {
	}

	/** Number of decimal digits of a non-negative long. */
	static int digitCount(long value) {
		long limit = 10;
		for (int digits = 1; digits < 19; digits++) {
			if (value < limit) {
				return digits;
			}
			limit *= 10;
		}
		return 19;
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
		if (Math.abs(value) < INTEGRAL_LIMIT && value == Math.rint(value)) {
			buffer.appendLong((long) value);
			return;
		}
		buffer.appendAscii(ShortestDecimal.of(value));
	}

}
