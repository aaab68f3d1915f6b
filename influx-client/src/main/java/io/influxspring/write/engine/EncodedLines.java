package io.influxspring.write.engine;

import java.util.Arrays;

import io.influxspring.write.LineBatch;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.RecordLines;
import reactor.core.scheduler.Schedulers;

/**
 * Lines a caller has encoded but not yet handed to the writer: one reusable instance per thread,
 * filled outside the writer's lock.
 */
final class EncodedLines {

	/** Hand lines over once this many are encoded, to keep the lock's critical section short. */
	static final int CHUNK_LINES = 512;

	static final int CHUNK_BYTES = 128 * 1024;

	/** A buffer grown beyond this for a large item is given back when the write ends. */
	static final int RETAINED_BYTES = 2 * CHUNK_BYTES;

	private static final int RETAINED_LINES = 4 * CHUNK_LINES;

	private static final ThreadLocal<EncodedLines> CURRENT = ThreadLocal.withInitial(EncodedLines::new);

	final LineProtocolBuffer buffer = new LineProtocolBuffer(4096);

	int[] lineEnds = new int[64];

	int count;

	/**
	 * Set by the accumulator when handing these lines over gave the dispatcher news: a batch sealed
	 * or started, lines dropped.
	 */
	boolean signal;

	/** Whether a write on this thread is encoding into these lines (a nested write takes others). */
	boolean inUse;

	/**
	 * Whether the thread these lines belong to must never wait for room: a non-blocking thread, or a
	 * writer's own thread, where listeners run. Known when the lines are made, on that thread.
	 */
	final boolean mustNotWait = Schedulers.isInNonBlockingThread() || WriterThread.isWriterThread();

	/** The longest line a request can carry ({@code max-batch-bytes}); a longer one is refused. */
	int maxLineBytes = Integer.MAX_VALUE;

	/**
	 * The current thread's lines, emptied and set up for a write under {@code options}; new lines
	 * for a write nested in another on the same thread. Give them back with {@link #release()}.
	 */
	static EncodedLines take(WriteOptions options) {
		EncodedLines lines = CURRENT.get();
		if (lines.inUse) {
			lines = new EncodedLines();
		}
		lines.inUse = true;
		lines.reset();
		lines.buffer.dialect(options.lineProtocol());
		lines.maxLineBytes = options.maxBatchBytes();
		return lines;
	}

	void reset() {
		this.buffer.reset();
		this.count = 0;
		this.signal = false;
	}

	/**
	 * Ends the line just encoded.
	 * @throws IllegalArgumentException if the line is longer than {@link #maxLineBytes} (it is removed)
	 */
	void endLine() {
		int start = lineStart(this.count);
		int length = this.buffer.size() + 1 - start;
		if (length > this.maxLineBytes) {
			this.buffer.truncate(start);
			throw new IllegalArgumentException("A line of " + length + " bytes is longer than max-batch-bytes ("
					+ this.maxLineBytes + "), so no request could carry it");
		}
		this.buffer.appendByte('\n');
		if (this.count == this.lineEnds.length) {
			this.lineEnds = Arrays.copyOf(this.lineEnds, this.count * 2);
		}
		this.lineEnds[this.count++] = this.buffer.size();
	}

	/**
	 * Appends the lines of a raw record: a line break outside a quoted string field value ends a line,
	 * blank lines and comments are left out. On a failure none of its lines are kept.
	 */
	void appendRecord(String record) {
		if (record.isBlank()) {
			throw new IllegalArgumentException("A record must not be blank");
		}
		int firstLine = this.count;
		int firstByte = this.buffer.size();
		try {
			int start = 0;
			while (start < record.length()) {
				int end = RecordLines.lineEnd(record, start);
				int contentEnd = (end > start && record.charAt(end - 1) == '\r') ? end - 1 : end;
				if (!RecordLines.isBlankOrComment(record, start, contentEnd)) {
					this.buffer.appendUtf8(record, start, contentEnd);
					endLine();
				}
				start = end + 1;
			}
		}
		catch (IllegalArgumentException ex) {
			this.buffer.truncate(firstByte);
			this.count = firstLine;
			throw ex;
		}
	}

	/** Ends a write: lets a nested write have these lines again, and gives back what a large item grew. */
	void release() {
		this.inUse = false;
		this.buffer.reset(RETAINED_BYTES);
		if (this.lineEnds.length > RETAINED_LINES) {
			this.lineEnds = new int[64];
		}
		this.count = 0;
	}

	boolean isChunkFull() {
		return this.count >= CHUNK_LINES || this.buffer.size() >= CHUNK_BYTES;
	}

	int lineStart(int index) {
		return (index == 0) ? 0 : this.lineEnds[index - 1];
	}

	/** Bytes of lines {@code from} (inclusive) to {@code to} (exclusive). */
	long bytes(int from, int to) {
		return lineStart(to) - lineStart(from);
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
