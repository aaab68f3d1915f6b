package io.influxspring.write.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.influxspring.write.InfluxWriteException;
import io.influxspring.write.OverflowPolicy;
import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.spool.SpooledBatch;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * Every line between a write call and its outcome: the open batch, sealed batches queued, in flight
 * and waiting for a retry, and the counts that account for each line. A passive data structure: all
 * state sits behind one lock held only for in-memory work, time is passed in, and nothing is called
 * out; what listeners and flush futures must hear is kept as {@link Notices} for the
 * {@link Dispatcher} to deliver.
 */
final class LineAccumulator {

	/** Returned for a delay when there is nothing to wait for. */
	static final long NONE = -1;

	enum State {

		OPEN, CLOSING, CLOSED, DISPOSED

	}

	private final ReentrantLock lock = new SpinningLock();

	private final Condition space = this.lock.newCondition();

	private final WriteOptions options;

	private final Overflow overflow;

	private final BatchBuilder open;

	private final BatchLedger ledger = new BatchLedger();

	private final BatchArrays arrays;

	private volatile State state = State.OPEN;

	/** Whether sending is suspended (a stopped application context): nothing is taken into flight. */
	private volatile boolean suspended;

	/** Whether the last request ended in a retryable error (no answer, or the server is unavailable). */
	private boolean serverFailing;

	/** The generation of the open batch that {@link #openDeadline} belongs to, or -1. */
	private long deadlineGeneration = -1;

	private long openDeadline;

	LineAccumulator(WriteOptions options) {
		this.options = options;
		this.arrays = new BatchArrays(options.bufferMemory(), options.maxBatchBytes(), options.batchSize());
		this.open = new BatchBuilder(options.batchSize(), options.maxBatchBytes(), this.arrays);
		this.overflow = new Overflow(this, this.ledger, this.open, options, this.space);
	}

	State state() {
		return this.state;
	}

	boolean isSuspended() {
		return this.suspended;
	}

	/**
	 * Takes encoded lines into the open batch, sealing batches as they fill, after making room under
	 * the overflow policy; sets {@link EncodedLines#signal} when the dispatcher has news.
	 * @return {@code lines.count} when every line was taken or dropped, else the index of a line that
	 * must wait for room: call {@link #awaitRoom} with it
	 */
	int append(EncodedLines lines) {
		this.lock.lock();
		try {
			requireOpen();
			this.ledger.counts.offered(lines.count);
			OverflowPolicy policy = this.overflow.policyNow(lines);
			boolean waits = policy == OverflowPolicy.BLOCK || policy == OverflowPolicy.BACKPRESSURE;
			int from = waits ? 0 : this.overflow.makeRoom(lines, 0, policy);
			return appendFrom(lines, from, waits);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits for room for line {@code index} as the {@link Overflow} says, then appends as
	 * {@link #append} does.
	 */
	int awaitRoom(EncodedLines lines, int index) {
		this.lock.lock();
		try {
			return appendFrom(lines, this.overflow.awaitRoom(lines, index), true);
		}
		finally {
			this.lock.unlock();
		}
	}

	private int appendFrom(EncodedLines lines, int from, boolean waits) {
		byte[] bytes = lines.buffer.array();
		for (int i = from; i < lines.count; i++) {
			if (waits && !this.overflow.roomFor(lines, i)) {
				seal(lines);
				lines.signal = true;
				this.ledger.awaitingRoom += lines.count - i;
				return i;
			}
			int start = lines.lineStart(i);
			int length = lines.lineEnds[i] - start;
			if (!this.open.fits(length)) {
				seal(lines);
			}
			if (this.open.isEmpty()) {
				lines.signal = true;
			}
			this.open.append(bytes, start, length);
			this.ledger.held(length);
			if (this.open.isFull()) {
				seal(lines);
			}
		}
		return lines.count;
	}

	void requireOpen() {
		if (this.state != State.OPEN) {
			throw new IllegalStateException("The WriteApi is " + this.state.name().toLowerCase() + "; it takes no more lines");
		}
	}

	/**
	 * Whether the server is failing (a batch waits for a retry, or the last request ended in a
	 * retryable error) or sending is suspended: either way nothing makes room soon.
	 */
	boolean isFailing() {
		return this.serverFailing || this.ledger.batches.waitingLines() > 0 || this.suspended;
	}

	/** Stops or restarts sending; lines are still taken, and kept. */
	void suspend(boolean suspended) {
		this.lock.lock();
		try {
			this.suspended = suspended;
			this.space.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Seals the open batch once its deadline has passed. An open batch gets its deadline when first
	 * seen here: {@code now + lingerNanos}.
	 * @return nanoseconds until the open batch's deadline, or {@link #NONE} when there is no open batch
	 */
	long sealIfDue(long now, long lingerNanos) {
		this.lock.lock();
		try {
			if (this.open.isEmpty()) {
				return NONE;
			}
			if (this.deadlineGeneration != this.open.generation()) {
				this.deadlineGeneration = this.open.generation();
				this.openDeadline = now + lingerNanos;
			}
			long delay = this.openDeadline - now;
			if (delay > 0) {
				return delay;
			}
			seal(null);
			return NONE;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void seal(@Nullable EncodedLines lines) {
		if (!this.open.isEmpty()) {
			this.ledger.seal(this.open);
			if (lines != null) {
				lines.signal = true;
			}
		}
	}

	/** Moves the batches that may be sent now into flight, due retries first, up to the concurrency limit. */
	List<Batch> drain(long now) {
		this.lock.lock();
		try {
			List<Batch> ready = List.of();
			while (!this.suspended && this.ledger.batches.inFlightCount() < this.options.maxConcurrentRequests()) {
				Batch batch = this.ledger.batches.takeNext(now);
				if (batch == null) {
					break;
				}
				if (batch.attempts++ == 0) {
					batch.firstAttemptNanos = now;
				}
				batch.sentNanos = now;
				if (ready.isEmpty()) {
					ready = new ArrayList<>(2);
				}
				ready.add(batch);
			}
			return ready;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The queued batches to be sent next, as many as requests may be in flight, while every slot is
	 * busy; none otherwise (then {@link #drain} takes them).
	 */
	List<Batch> upNext() {
		this.lock.lock();
		try {
			if (this.suspended || this.ledger.batches.inFlightCount() < this.options.maxConcurrentRequests()) {
				return List.of();
			}
			return this.ledger.batches.nextQueued(this.options.maxConcurrentRequests());
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Nanoseconds until the earliest retry is due, or {@link #NONE} when none waits, sending is
	 * suspended or every request slot is busy (a response frees one).
	 */
	long nanosUntilRetry(long now) {
		this.lock.lock();
		try {
			if (this.suspended || this.ledger.batches.inFlightCount() >= this.options.maxConcurrentRequests()) {
				return NONE;
			}
			return this.ledger.batches.nanosUntilNextRetry(now);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Keeps the arrays of a batch written on its first attempt for the open batch to fill again; the
	 * caller makes sure that nothing reads them any more (no listener was given the lines).
	 */
	void recycle(Batch batch) {
		this.lock.lock();
		try {
			if (batch.resolved && !batch.evicted && batch.attempts == 1) {
				this.arrays.give(batch.bytes, batch.lineEnds, this.ledger.heldBytes());
				batch.evict();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Keeps the handle of a request so that close and dispose can cancel it. */
	void attach(Batch batch, Disposable request) {
		this.lock.lock();
		try {
			if (batch.resolved || !this.ledger.batches.isInFlight(batch)) {
				request.dispose();
			}
			else {
				batch.request = request;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Marks the end of a batch's request; {@code false} when the batch was dropped meanwhile. The
	 * batch stays in flight until it is settled.
	 * @param serverFailing whether the request ended in a retryable error
	 */
	boolean land(Batch batch, boolean serverFailing) {
		this.lock.lock();
		try {
			if (batch.resolved || !this.ledger.batches.isInFlight(batch)) {
				return false;
			}
			batch.request = null;
			this.serverFailing = serverFailing;
			this.space.signalAll();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Settles a landed batch: where it goes ({@link Settlement#SPLIT} in two halves queued first,
	 * {@link Settlement#RETRY} at {@code dueNanos}) or how its lines end: {@code written} of them
	 * written, the others failed ({@link Settlement#EXPIRED} when out of retries).
	 * @return {@code false} when the batch was dropped since it landed (by close or dispose)
	 */
	boolean settle(Batch batch, Settlement settlement, int written, @Nullable InfluxWriteException error,
			long dueNanos) {
		this.lock.lock();
		try {
			if (batch.resolved || !this.ledger.batches.isInFlight(batch)) {
				return false;
			}
			switch (settlement) {
				case SPLIT -> this.ledger.split(batch, Objects.requireNonNull(error));
				case RETRY -> this.ledger.retryAt(batch, Objects.requireNonNull(error), dueNanos);
				case AFTER_FAULT -> this.ledger.settle(batch, 0, false, error, false);
				default -> this.ledger.settle(batch, written, settlement == Settlement.EXPIRED, error, true);
			}
			this.space.signalAll();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Seals the open batch and returns a future for every line buffered now, completed by the
	 * dispatcher through {@link #takeNotices}.
	 * @param retryNow make lines waiting for a retry due at {@code now}
	 */
	CompletableFuture<Void> flush(boolean retryNow, long now) {
		this.lock.lock();
		try {
			seal(null);
			if (retryNow) {
				this.ledger.batches.retryAllNow(now);
			}
			return this.ledger.flushFuture();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Stops taking lines and flushes everything; {@code null} when already closing or closed. */
	@Nullable CompletableFuture<Void> beginClose(long now) {
		this.lock.lock();
		try {
			if (this.state != State.OPEN) {
				return null;
			}
			this.state = State.CLOSING;
			this.space.signalAll();
			return flush(true, now);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Ends the accumulator: every unresolved line is dropped and its request cancelled; returns their count. */
	int finish(WriteDrop.Reason reason) {
		this.lock.lock();
		try {
			if (this.state == State.CLOSED || this.state == State.DISPOSED) {
				return 0;
			}
			this.state = (reason == WriteDrop.Reason.DISPOSED) ? State.DISPOSED : State.CLOSED;
			long before = this.ledger.counts.droppedTotal();
			if (!this.open.isEmpty()) {
				this.ledger.drop(this.open, reason);
			}
			this.space.signalAll();
			return this.ledger.dropAll(reason, before);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Tells whether a spool takes sealed batches, so that room can be made by evicting them and
	 * {@code backpressure} waits for it: from when it opens, and not while its appends fail.
	 */
	void spoolTakesBatches(boolean takes) {
		this.lock.lock();
		try {
			this.overflow.spooled(takes);
			this.space.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Wakes callers waiting for room: batches just spooled may now be evicted. */
	void spooledMore() {
		this.lock.lock();
		try {
			this.space.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Takes the lines of an evicted batch back into memory before it is sent, evicting others if
	 * memory is then beyond its limits.
	 */
	void load(Batch batch, SpooledBatch spooled) {
		this.lock.lock();
		try {
			this.ledger.loaded(batch, spooled);
			this.overflow.evictToLimits();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Reads or changes the ledger under the lock (the spool's batches), waking callers if it frees room. */
	void change(Consumer<BatchLedger> change, boolean freesRoom) {
		this.lock.lock();
		try {
			change.accept(this.ledger);
			if (freesRoom) {
				this.space.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Moves what listeners and flush futures must hear into {@code into}, oldest first. */
	void takeNotices(Notices into) {
		this.lock.lock();
		try {
			this.ledger.takeNotices(into);
		}
		finally {
			this.lock.unlock();
		}
	}

	WriteStatistics statistics() {
		this.lock.lock();
		try {
			return this.ledger.statistics(this.open);
		}
		finally {
			this.lock.unlock();
		}
	}

}
