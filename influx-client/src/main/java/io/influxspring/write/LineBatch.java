package io.influxspring.write;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lines that a listener signal is about: a read-only view of line protocol bytes, one line per
 * {@code lineEnds} entry. {@link #lines()} decodes on demand.
 *
 * @since 0.1.0
 */
public final class LineBatch {

	private final byte[] bytes;

	private final int[] lineEnds;

	private final int lineCount;

	/**
	 * @param bytes the lines, each followed by a line feed
	 * @param lineEnds the offset just after each line's line feed
	 * @param lineCount how many entries of {@code lineEnds} are used
	 */
	public LineBatch(byte[] bytes, int[] lineEnds, int lineCount) {
		this.bytes = bytes;
		this.lineEnds = lineEnds;
		this.lineCount = lineCount;
	}

	/** The number of lines. */
	public int size() {
		return this.lineCount;
	}

	/** The number of bytes of line protocol, line feeds included. */
	public int byteCount() {
		return (this.lineCount == 0) ? 0 : this.lineEnds[this.lineCount - 1];
	}

	/** The lines, without line feeds. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>(this.lineCount);
		int start = 0;
		for (int i = 0; i < this.lineCount; i++) {
			int end = this.lineEnds[i];
			lines.add(new String(this.bytes, start, end - start - 1, StandardCharsets.UTF_8));
			start = end;
		}
		return Collections.unmodifiableList(lines);
	}

	@Override
	public String toString() {
		return "LineBatch[" + this.lineCount + " lines, " + byteCount() + " bytes]";
	}

}
