package io.influxspring.write.spool;

import java.util.Arrays;

import io.influxspring.write.LineBatch;
import org.jspecify.annotations.Nullable;

/**
 * A batch read back from a {@link BatchSpool}: recovered at open or dropped to make room. Equal to
 * another with the same id, lines and bytes.
 * @param id the batch's id in its spool
 * @param bytes the lines, each followed by a line feed, and nothing else
 * @param lineEnds the offset just after each line's line feed
 * @param lineCount the number of lines, the length of {@code lineEnds}
 *
 * @since 0.1.0
 */
public record SpooledBatch(long id, byte[] bytes, int[] lineEnds, int lineCount) {

	/** The number of bytes of line protocol, line feeds included. */
	public int byteCount() {
		return this.bytes.length;
	}

	/** The lines as a listener signal carries them. */
	public LineBatch lineBatch() {
		return new LineBatch(this.bytes, this.lineEnds, this.lineCount);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof SpooledBatch batch) && this.id == batch.id && this.lineCount == batch.lineCount
				&& Arrays.equals(this.lineEnds, batch.lineEnds) && Arrays.equals(this.bytes, batch.bytes);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id) * 31 + Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "SpooledBatch[id=" + this.id + ", " + this.lineCount + " lines, " + this.bytes.length + " bytes]";
	}

}
