package io.influxspring.write.engine;

import java.util.Arrays;

import io.influxspring.write.LineBatch;
import io.influxspring.write.lineprotocol.LineProtocolBuffer;

/**
 * Lines a caller has encoded but not yet handed to the writer: one reusable instance per thread,
 * filled outside the writer's lock.
 */
final class EncodedLines {

	/** Hand lines over once this many are encoded, to keep the lock's critical section short. */
	static final int CHUNK_LINES = 512;

	static final int CHUNK_BYTES = 128 * 1024;

	final LineProtocolBuffer buffer = new LineProtocolBuffer(4096);

	int[] lineEnds = new int[64];

	int count;

	/** Reused for the effects of handing these lines over. */
	final Effects effects = new Effects();

	/** Whether a write on this thread is encoding into these lines (a nested write takes others). */
	boolean inUse;

	void reset() {
		this.buffer.reset();
		this.count = 0;
	}

	/** Ends the line just encoded. */
	void endLine() {
		this.buffer.appendByte('\n');
		if (this.count == this.lineEnds.length) {
			this.lineEnds = Arrays.copyOf(this.lineEnds, this.count * 2);
		}
		this.lineEnds[this.count++] = this.buffer.size();
	}

	boolean isChunkFull() {
		return this.count >= CHUNK_LINES || this.buffer.size() >= CHUNK_BYTES;
	}

	int lineStart(int index) {
		return (index == 0) ? 0 : this.lineEnds[index - 1];
	}

	/** A copy of lines {@code from} (inclusive) to {@code to} (exclusive), for reporting them. */
	LineBatch copy(int from, int to) {
		int start = lineStart(from);
		int end = lineStart(to);
		byte[] bytes = Arrays.copyOfRange(this.buffer.array(), start, end);
		int[] ends = new int[to - from];
		for (int i = 0; i < ends.length; i++) {
			ends[i] = this.lineEnds[from + i] - start;
		}
		return new LineBatch(bytes, ends, ends.length);
	}

}
