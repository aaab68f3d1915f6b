package io.influxspring.write.lineprotocol;

import java.util.Arrays;
import java.util.Map;

/**
 * An immutable set of tags, sorted by key in byte order and validated once, so that default tags
 * can be merged into every line cheaply.
 *
 * @since 0.1.0
 */
public final class TagSet {

	private static final TagSet EMPTY = new TagSet(new String[0], new String[0]);

	private final String[] keys;

	private final String[] values;

	private TagSet(String[] keys, String[] values) {
		this.keys = keys;
		this.values = values;
	}

	/** The empty tag set. */
	public static TagSet empty() {
		return EMPTY;
	}

	/**
	 * Tags from a map, checked by InfluxDB's rules; entries with an empty key or a {@code null} or
	 * empty value are left out.
	 * @throws IllegalArgumentException if a key or value cannot be written exactly
	 */
	public static TagSet of(Map<String, String> tags) {
		return of(tags, LineProtocolDialect.INFLUXDB);
	}

	/**
	 * Tags from a map, checked by the given rules; entries with an empty key or a {@code null} or
	 * empty value are left out.
	 * @throws IllegalArgumentException if a key or value cannot be written exactly
	 * @since 0.1.0
	 */
	public static TagSet of(Map<String, String> tags, LineProtocolDialect dialect) {
		@SuppressWarnings("unchecked")
		Map.Entry<String, String>[] entries = tags.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().isEmpty() && entry.getValue() != null && !entry.getValue().isEmpty())
			.sorted((a, b) -> TagOrder.compare(a.getKey(), b.getKey()))
			.toArray(Map.Entry[]::new);
		String[] keys = new String[entries.length];
		String[] values = new String[entries.length];
		for (int i = 0; i < entries.length; i++) {
			keys[i] = entries[i].getKey();
			values[i] = entries[i].getValue();
			NameRules.checkName(keys[i], "tag key", dialect, false);
			NameRules.checkName(values[i], "tag value", dialect, false);
		}
		return (keys.length == 0) ? EMPTY : new TagSet(keys, values);
	}

	public int size() {
		return this.keys.length;
	}

	public String key(int index) {
		return this.keys[index];
	}

	public String value(int index) {
		return this.values[index];
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TagSet that && Arrays.equals(this.keys, that.keys)
				&& Arrays.equals(this.values, that.values);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.keys) + Arrays.hashCode(this.values);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("{");
		for (int i = 0; i < this.keys.length; i++) {
			text.append((i > 0) ? ", " : "").append(this.keys[i]).append('=').append(this.values[i]);
		}
		return text.append('}').toString();
	}

}
