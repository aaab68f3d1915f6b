package io.influxspring.write.lineprotocol;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The escaped bytes of names a buffer wrote more than once, found by the identity of the name and
 * of its role, so that the names a program repeats (its keys, its tag values of low cardinality)
 * are copied rather than escaped and checked again. A name is kept once it is seen a second time
 * in a row in its slot, so names that never repeat cost one reference store and no allocation.
 * Holds a fixed number of names, one cache per dialect.
 */
final class NameCache {

	/** Names longer than this are escaped every time; a buffer has this much room before a lookup. */
	static final int MAX_LENGTH = 64;

	/** Names up to this long are kept in {@link #shortNames}, and copied as this many bytes whatever their length. */
	private static final int SHORT_LENGTH = 16;

	private final @Nullable String[] names;

	private final @Nullable String[] roles;

	/** The length of each kept name; 0 while its slot has seen it only once. */
	private final int[] lengths;

	/** {@link #SHORT_LENGTH} bytes per slot, for the names that fit. */
	private final byte[] shortNames;

	private final byte[] @Nullable [] longNames;

	/** A cache of {@code 2^bits} slots. */
	NameCache(int bits) {
		int slots = 1 << bits;
		this.names = new String[slots];
		this.roles = new String[slots];
		this.lengths = new int[slots];
		this.shortNames = new byte[SHORT_LENGTH * slots];
		this.longNames = new byte[slots][];
	}

	/** The slot of a name, whatever its role: the rare name kept in two roles takes turns in it. */
	int slot(String name) {
		int hash = name.hashCode();
		return (hash ^ (hash >>> 16)) & (this.names.length - 1);
	}

	/**
	 * Copies the bytes kept for the name in its role to {@code target} at {@code position}, which
	 * has room for {@link #MAX_LENGTH} bytes (the bytes after the name are overwritten).
	 * @return the position after the name, or -1 when it is not kept
	 */
	int copy(String name, String role, int slot, byte[] target, int position) {
		if (this.names[slot] != name || this.roles[slot] != role) {
			return -1;
		}
		int length = this.lengths[slot];
		if (length == 0) {
			return -1;
		}
		if (length <= SHORT_LENGTH) {
			System.arraycopy(this.shortNames, slot * SHORT_LENGTH, target, position, SHORT_LENGTH);
		}
		else {
			System.arraycopy(this.longNames[slot], 0, target, position, length);
		}
		return position + length;
	}

	/**
	 * Tells the cache that a name was just written as {@code source[from, to)}: its bytes are kept
	 * when its slot saw it last time, otherwise the slot remembers the name alone. {@code source} has room
	 * for {@link #MAX_LENGTH} bytes from {@code from}.
	 */
	void wrote(String name, String role, int slot, byte[] source, int from, int to) {
		int length = to - from;
		if (this.names[slot] != name || this.roles[slot] != role) {
			this.names[slot] = name;
			this.roles[slot] = role;
			this.lengths[slot] = 0;
			this.longNames[slot] = null;
		}
		else if (length <= SHORT_LENGTH) {
			System.arraycopy(source, from, this.shortNames, slot * SHORT_LENGTH, SHORT_LENGTH);
			this.lengths[slot] = length;
		}
		else if (length <= MAX_LENGTH) {
			this.longNames[slot] = Arrays.copyOfRange(source, from, to);
			this.lengths[slot] = length;
		}
	}

}
