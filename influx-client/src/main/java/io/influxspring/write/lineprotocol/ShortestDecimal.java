package io.influxspring.write.lineprotocol;

/**
 * The shortest decimal that reads back to the same double. {@link Double#toString(double)} is that
 * on Java 19 and later; on earlier releases it sometimes prints one or more digits too many (e.g.
 * {@code 9.999999999999999E22} for {@code 1.0E23}), so its long results are shortened by rounding
 * to fewer digits for as long as the result still reads back to the same double. A shorter decimal
 * never reads back when a longer one does not, so the search stops at the first failure.
 */
final class ShortestDecimal {

	/** Results with fewer significant digits are already the shortest. */
	private static final int SUSPECT_DIGITS = 16;

	private ShortestDecimal() {
	}

	static String of(double value) {
		String text = Double.toString(value);
		int exponentAt = text.indexOf('E');
		String mantissa = (exponentAt < 0) ? text : text.substring(0, exponentAt);
		int exponent = (exponentAt < 0) ? 0 : Integer.parseInt(text.substring(exponentAt + 1));
		boolean negative = mantissa.charAt(0) == '-';
		StringBuilder digits = new StringBuilder(20);
		int pointAt = -1;
		for (int i = negative ? 1 : 0; i < mantissa.length(); i++) {
			char c = mantissa.charAt(i);
			if (c == '.') {
				pointAt = digits.length();
			}
			else {
				digits.append(c);
			}
		}
		if (pointAt < 0) {
			pointAt = digits.length();
		}
		int leadingZeros = 0;
		while (leadingZeros < digits.length() - 1 && digits.charAt(leadingZeros) == '0') {
			leadingZeros++;
		}
		int trailing = digits.length();
		while (trailing > leadingZeros + 1 && digits.charAt(trailing - 1) == '0') {
			trailing--;
		}
		String significant = digits.substring(leadingZeros, trailing);
		if (significant.length() < SUSPECT_DIGITS) {
			return text;
		}
		int decimalExponent = exponent + pointAt - leadingZeros - 1;
		String best = text;
		for (int length = significant.length() - 1; length >= 1; length--) {
			boolean up = significant.charAt(length) >= '5';
			String candidate = rounded(significant, length, decimalExponent, negative, up);
			if (Double.parseDouble(candidate) != value) {
				candidate = rounded(significant, length, decimalExponent, negative, !up);
				if (Double.parseDouble(candidate) != value) {
					break;
				}
			}
			best = candidate;
		}
		return best;
	}

	/**
	 * {@code digits} cut to {@code length} digits, rounded up or down, as {@code d.dddE<exponent>}.
	 * Both directions are tried because the digits are themselves rounded, so half-up on them is not
	 * always the decimal nearest to the double.
	 */
	private static String rounded(String digits, int length, int exponent, boolean negative, boolean up) {
		char[] kept = digits.substring(0, length).toCharArray();
		if (up) {
			int i = length - 1;
			while (i >= 0 && kept[i] == '9') {
				kept[i--] = '0';
			}
			if (i < 0) {
				kept = ("1" + new String(kept)).toCharArray();
				exponent++;
			}
			else {
				kept[i]++;
			}
		}
		int end = kept.length;
		while (end > 1 && kept[end - 1] == '0') {
			end--;
		}
		StringBuilder out = new StringBuilder(end + 8);
		if (negative) {
			out.append('-');
		}
		out.append(kept[0]);
		if (end > 1) {
			out.append('.').append(kept, 1, end - 1);
		}
		return out.append('E').append(exponent).toString();
	}

}
