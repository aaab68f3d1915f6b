package io.influxspring.write.lineprotocol;

/**
 * Orders tag keys as InfluxDB does: by their UTF-8 bytes, which is Unicode code point order. It
 * differs from {@link String#compareTo} only between surrogate pairs and characters U+E000..U+FFFF.
 *
 * @since 0.1.0
 */
public final class TagOrder {

	private TagOrder() {
	}

	public static int compare(String a, String b) {
		int length = Math.min(a.length(), b.length());
		for (int i = 0; i < length; i++) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if (x != y) {
				if (x >= Character.MIN_SURROGATE && y >= Character.MIN_SURROGATE) {
					return codePointRank(x) - codePointRank(y);
				}
				return x - y;
			}
		}
		return a.length() - b.length();
	}

	private static int codePointRank(char c) {
		return Character.isSurrogate(c) ? c + 0x2000 : c - 0x800;
	}

}
