package io.influxspring.write.engine;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.influxspring.write.LineBatch;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * A sealed batch of lines on its way to the server; its state is guarded by the writer's lock. A
 * spooled batch may be evicted while it waits: its lines leave memory and are read back from the
 * spool before it is sent.
 */
final class Batch {

	private static final byte[] NO_BYTES = {};

	private static final int[] NO_LINES = {};

	/** Sealing order; the halves of a split batch share their parent's sequence. */
	final long sequence;

	/** The lines; empty while evicted. */
	byte[] bytes;

	final int length;

	/** The offset after each line; empty while evicted. */
	int[] lineEnds;

	final int lineCount;

	int attempts;

	long firstAttemptNanos;

	long dueNanos;

	/** When the current attempt was sent ({@code System.nanoTime()}). */
	long sentNanos;

	boolean resolved;

	@Nullable Disposable request;

	/**
	 * The compressed body, kept for retries: begun by the dispatcher while the batch waits for a
	 * request slot or when it is sent, made on Reactor's parallel scheduler.
	 */
	volatile @Nullable CompletableFuture<byte[]> gzip;

	/** The id of the spool record holding these lines, or -1 when they are not spooled. */
	volatile long spoolId = -1;

	/** Whether the lines are on disk only, in the spool record {@link #spoolId}. */
	boolean evicted;

	/** Batches sharing {@link #spoolId} after splits; the record is acknowledged when the last one settles. */
	@Nullable AtomicInteger spoolShares;

	Batch(long sequence, byte[] bytes, int length, int[] lineEnds, int lineCount) {
		this.sequence = sequence;
		this.bytes = bytes;
		this.length = length;
		this.lineEnds = lineEnds;
		this.lineCount = lineCount;
	}

	/** Whether the spool record of these lines may go: they are spooled and no other half still holds it. */
	boolean releasesSpoolRecord() {
		AtomicInteger shares = this.spoolShares;
		return this.spoolId >= 0 && (shares == null || shares.decrementAndGet() == 0);
	}

	/** A batch of lines on disk only, found in the spool at start. */
	static Batch evicted(long sequence, long spoolId, int length, int lineCount) {
		Batch batch = new Batch(sequence, NO_BYTES, length, NO_LINES, lineCount);
		batch.spoolId = spoolId;
		batch.evicted = true;
		return batch;
	}

	/** Whether the lines may leave memory: they are in a spool record of their own, and idle. */
	boolean isEvictable() {
		return !this.evicted && this.spoolId >= 0 && this.spoolShares == null;
	}

	/**
	 * Lets the lines go from memory: an idle spooled batch leaves them in its spool record, a batch
	 * settled for good gives its arrays to be filled again.
	 */
	void evict() {
		this.bytes = NO_BYTES;
		this.lineEnds = NO_LINES;
		this.gzip = null;
		this.evicted = true;
	}

	/** Takes the lines back from the spool record. */
	void load(byte[] bytes, int[] lineEnds) {
		this.bytes = bytes;
		this.lineEnds = lineEnds;
		this.evicted = false;
	}

	/** The lines; none for an evicted batch, whose lines must be read from the spool. */
	LineBatch view() {
		return this.evicted ? new LineBatch(NO_BYTES, NO_LINES, 0)
				: new LineBatch(this.bytes, this.lineEnds, this.lineCount);
	}

	/** Two batches with the first and the second half of the lines, attempts reset. */
	Batch[] split() {
		int half = this.lineCount / 2;
		int middle = this.lineEnds[half - 1];
		byte[] first = Arrays.copyOf(this.bytes, middle);
		byte[] second = Arrays.copyOfRange(this.bytes, middle, this.length);
		int[] firstEnds = Arrays.copyOf(this.lineEnds, half);
		int[] secondEnds = new int[this.lineCount - half];
		for (int i = 0; i < secondEnds.length; i++) {
			secondEnds[i] = this.lineEnds[half + i] - middle;
		}
		Batch[] halves = { new Batch(this.sequence, first, first.length, firstEnds, half),
				new Batch(this.sequence, second, second.length, secondEnds, secondEnds.length) };
		if (this.spoolId >= 0) {
			AtomicInteger shares = (this.spoolShares != null) ? this.spoolShares : new AtomicInteger(1);
			shares.incrementAndGet();
			for (Batch part : halves) {
				part.spoolId = this.spoolId;
				part.spoolShares = shares;
			}
		}
		return halves;
	}

	/**
	 * Some lines of this batch as a batch of their own.
	 * @param marked indexes (0-based) of lines
	 * @param listed {@code true} for the lines marked, {@code false} for all the others
	 */
	LineBatch lines(BitSet marked, boolean listed) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int[] ends = new int[this.lineCount];
		int count = 0;
		for (int i = 0; i < this.lineCount; i++) {
			if (marked.get(i) == listed) {
				int start = (i == 0) ? 0 : this.lineEnds[i - 1];
				out.write(this.bytes, start, this.lineEnds[i] - start);
				ends[count++] = out.size();
			}
		}
		return new LineBatch(out.toByteArray(), ends, count);
	}

}
