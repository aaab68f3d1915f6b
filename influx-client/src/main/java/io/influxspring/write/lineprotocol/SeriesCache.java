package io.influxspring.write.lineprotocol;

import org.jspecify.annotations.Nullable;

/**
 * The escaped bytes of the series (measurement and tag set) a thread writes again and again, kept
 * by the very strings that gave them: a line whose measurement, tag keys, tag values and default
 * tags are the same instances as a kept series' copies its bytes instead of escaping and checking
 * each name again. Strings are immutable, so the same instances give the same bytes. Not thread-safe:
 * one per {@link LineProtocolBuffer}, made once the buffer has written many lines.
 *
 * @since 0.1.0
 */
public final class SeriesCache {

	/** The most tags a kept series has. */
	static final int MAX_TAGS = 6;

	/** The longest series kept, in bytes. */
	static final int MAX_LENGTH = 96;

	private static final int SETS = 128;

	private static final int STRIDE = 2 + 2 * MAX_TAGS;

	private final @Nullable Object[] names = new Object[2 * SETS * STRIDE];

	private final int[] tagCounts = new int[2 * SETS];

	private final int[] lengths = new int[2 * SETS];

	private final byte[] bytes = new byte[2 * SETS * MAX_LENGTH];

	/** Per set, the way (0 or 1) used last, which a new series does not replace. */
	private final byte[] recent = new byte[SETS];

	SeriesCache() {
	}

	/** The set a series is kept in (two ways), or -1 when it has too many tags to be kept. */
	public int set(String measurement, String[] keys, String[] values, int tagCount) {
		if (tagCount > MAX_TAGS) {
			return -1;
		}
		int hash = measurement.hashCode();
		for (int i = 0; i < tagCount; i++) {
			hash = (hash * 31 + keys[i].hashCode()) * 31 + values[i].hashCode();
		}
		hash *= 0x9E3779B1;
		return hash >>> (32 - Integer.numberOfTrailingZeros(SETS));
	}

	/**
	 * Copies the series kept in {@code set} to {@code out} if it was written from these very
	 * strings and defaults, and tells whether it did.
	 */
	public boolean copy(int set, String measurement, String[] keys, String[] values, int tagCount, TagSet defaults,
			LineProtocolBuffer out) {
		if (set < 0) {
			return false;
		}
		for (int way = 0; way < 2; way++) {
			int slot = 2 * set + way;
			if (matches(slot, measurement, keys, values, tagCount, defaults)) {
				out.appendBytes(this.bytes, slot * MAX_LENGTH, this.lengths[slot]);
				this.recent[set] = (byte) way;
				return true;
			}
		}
		return false;
	}

	private boolean matches(int slot, String measurement, String[] keys, String[] values, int tagCount,
			TagSet defaults) {
		if (this.lengths[slot] == 0 || this.tagCounts[slot] != tagCount) {
			return false;
		}
		Object[] names = this.names;
		int at = slot * STRIDE;
		if (names[at] != measurement || names[at + 1] != defaults) {
			return false;
		}
		for (int i = 0; i < tagCount; i++) {
			if (names[at + 2 + 2 * i] != keys[i] || names[at + 3 + 2 * i] != values[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Keeps the series just written as {@code source[from..to)} in {@code set}, in place of the
	 * series of that set used less recently.
	 */
	public void wrote(int set, String measurement, String[] keys, String[] values, int tagCount, TagSet defaults,
			byte[] source, int from, int to) {
		int length = to - from;
		if (set < 0 || length > MAX_LENGTH) {
			return;
		}
		int way = 1 - this.recent[set];
		this.recent[set] = (byte) way;
		int slot = 2 * set + way;
		int at = slot * STRIDE;
		this.names[at] = measurement;
		this.names[at + 1] = defaults;
		for (int i = 0; i < tagCount; i++) {
			this.names[at + 2 + 2 * i] = keys[i];
			this.names[at + 3 + 2 * i] = values[i];
		}
		for (int i = tagCount; i < this.tagCounts[slot]; i++) {
			this.names[at + 2 + 2 * i] = null;
			this.names[at + 3 + 2 * i] = null;
		}
		this.tagCounts[slot] = tagCount;
		System.arraycopy(source, from, this.bytes, slot * MAX_LENGTH, length);
		this.lengths[slot] = length;
	}

}
