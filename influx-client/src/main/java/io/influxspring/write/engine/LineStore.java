package io.influxspring.write.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.influxspring.write.InfluxWriteException;
import io.influxspring.write.LineBatch;
import io.influxspring.write.OverflowPolicy;
import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.WriteResponse;
import io.influxspring.write.WriteRetry;
import io.influxspring.write.WriteSuccess;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * Every line between a write call and its outcome: the open batch, sealed batches queued, in flight
 * and waiting for a retry, and the counts that account for each line. All state sits behind one
 * lock held only for in-memory work; what must happen afterwards is returned as {@link Effects}.
 */
final class LineStore {

	enum State {

		OPEN, CLOSING, CLOSED, DISPOSED

	}

	private final ReentrantLock lock = new SpinningLock();

	private final Condition space = this.lock.newCondition();

	private final WriteOptions options;

	private final RetryPolicy retryPolicy;

	private final WriteListeners listeners;

	private final Runnable wakeUp;

	private final BatchBuilder open;

	private final SealedBatches batches = new SealedBatches();

	private final FlushWaiters flushes = new FlushWaiters();

	private volatile State state = State.OPEN;

	private long lastSequence;

	private int unresolvedBatches;

	/** Whether sending is suspended (a stopped application context): nothing is taken into flight. */
	private volatile boolean suspended;

	/** Bytes of the lines held: open batch, queued, in flight and waiting for a retry. */
	private long heldBytes;

	/** Lines offered by callers that wait for room, not yet in a batch. */
	private long awaitingRoom;

	/** Whether the last request ended in a retryable error (no answer, or the server is unavailable). */
	private boolean serverFailing;

	private final LineCounts counts = new LineCounts();

	/**
	 * @param wakeUp asks for a dispatch without blocking; called under the lock while a writer waits
	 * for room
	 */
	LineStore(WriteOptions options, WriteListeners listeners, Runnable wakeUp) {
		this.options = options;
		this.retryPolicy = new RetryPolicy(options);
		this.listeners = listeners;
		this.wakeUp = wakeUp;
		this.open = new BatchBuilder(options.batchSize(), options.maxBatchBytes());
	}

	State state() {
		return this.state;
	}

	/** Takes encoded lines into the open batch, sealing batches as they fill, after making room. */
	void offer(EncodedLines lines, Effects effects) {
		this.lock.lock();
		try {
			requireOpen();
			this.counts.offered(lines.count);
			OverflowPolicy policy = policyNow();
			boolean waits = policy == OverflowPolicy.BLOCK || policy == OverflowPolicy.BACKPRESSURE;
			int from = waits ? 0 : makeRoom(lines, 0, policy, effects);
			byte[] bytes = lines.buffer.array();
			for (int i = from; i < lines.count; i++) {
				if (waits && !hasRoom(lines, i)) {
					i = awaitRoom(lines, i, policy, effects);
					if (i == lines.count) {
						break;
					}
				}
				int start = lines.lineStart(i);
				int length = lines.lineEnds[i] - start;
				if (!this.open.fits(length)) {
					seal(effects);
				}
				if (this.open.isEmpty()) {
					effects.flushTimerGeneration = this.open.generation();
				}
				this.open.append(bytes, start, length);
				this.heldBytes += length;
				if (this.open.isFull()) {
					seal(effects);
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Whether line {@code index} fits in the buffer: fewer than {@code buffer-limit} lines held
	 * besides it and the lines after it, and its bytes within {@code buffer-memory}.
	 */
	private boolean hasRoom(EncodedLines lines, int index) {
		return buffered() - (lines.count - index) < this.options.bufferLimit()
				&& this.heldBytes + lines.lineEnds[index] - lines.lineStart(index) <= this.options.bufferMemory();
	}

	/** Whether lines {@code from} to the last fit in the buffer as well as every line held. */
	private boolean allFit(EncodedLines lines, int from) {
		return buffered() <= this.options.bufferLimit()
				&& this.heldBytes + lines.bytes(from, lines.count) <= this.options.bufferMemory();
	}

	private void requireOpen() {
		if (this.state != State.OPEN) {
			throw new IllegalStateException("The WriteApi is " + this.state.name().toLowerCase() + "; it takes no more lines");
		}
	}

	/**
	 * Whether the server is failing (a batch waits for a retry, or the last request ended in a
	 * retryable error) or sending is suspended: either way nothing makes room soon.
	 */
	private boolean isFailing() {
		return this.serverFailing || this.batches.waitingLines() > 0 || this.suspended;
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

	boolean isSuspended() {
		return this.suspended;
	}

	/**
	 * The policy that applies to this write: a thread that must not block (a non-blocking thread, or
	 * a writer's own thread, where listeners run) never waits (under {@code backpressure} it drops
	 * the oldest lines, under {@code block} the newest), and neither does a write under
	 * {@code backpressure} while the server is failing.
	 */
	private OverflowPolicy policyNow() {
		OverflowPolicy policy = this.options.overflow();
		if (policy != OverflowPolicy.BACKPRESSURE && policy != OverflowPolicy.BLOCK) {
			return policy;
		}
		boolean mustNotWait = Schedulers.isInNonBlockingThread() || WriterThread.isWriterThread();
		if (policy == OverflowPolicy.BACKPRESSURE && (mustNotWait || isFailing())) {
			return OverflowPolicy.DROP_OLDEST;
		}
		return mustNotWait ? OverflowPolicy.DROP_NEWEST : policy;
	}

	/**
	 * Applies a drop policy to lines {@code from} to the last; returns the index of the first one to
	 * keep. {@code drop-oldest} drops batches held, then the oldest of these lines, {@code drop-newest}
	 * the newest of these lines, until the rest fit.
	 */
	private int makeRoom(EncodedLines lines, int from, OverflowPolicy policy, Effects effects) {
		if (allFit(lines, from)) {
			return from;
		}
		int count = lines.count;
		int excessLines = (int) Math.max(0, buffered() - this.options.bufferLimit());
		long freeBytes = this.options.bufferMemory() - this.heldBytes;
		if (policy == OverflowPolicy.DROP_NEWEST) {
			int keepTo = Math.max(from, count - excessLines);
			while (keepTo > from && lines.bytes(from, keepTo) > freeBytes) {
				keepTo--;
			}
			dropLines(lines.copy(keepTo, count), WriteDrop.Reason.OVERFLOW, effects);
			lines.count = keepTo;
			return from;
		}
		while (!allFit(lines, from) && dropOldest(effects)) {
			// keep dropping
		}
		excessLines = (int) Math.min(count - from, Math.max(0, buffered() - this.options.bufferLimit()));
		freeBytes = this.options.bufferMemory() - this.heldBytes;
		int keepFrom = from + excessLines;
		while (keepFrom < count && lines.bytes(keepFrom, count) > freeBytes) {
			keepFrom++;
		}
		if (keepFrom > from) {
			dropLines(lines.copy(from, keepFrom), WriteDrop.Reason.OVERFLOW, effects);
		}
		return keepFrom;
	}

	/**
	 * Waits, at most the block timeout, until line {@code index} fits, and returns the index of the
	 * next line to append. When it does not fit, {@code block} drops it and the lines after it, while
	 * {@code backpressure} (whose wait also ends when the server starts failing) drops as
	 * {@code drop-oldest} does.
	 */
	private int awaitRoom(EncodedLines lines, int index, OverflowPolicy policy, Effects effects) {
		int incoming = lines.count - index;
		boolean backpressure = policy == OverflowPolicy.BACKPRESSURE;
		seal(effects);
		this.wakeUp.run();
		long nanos = this.options.blockTimeout().toNanos();
		this.awaitingRoom += incoming;
		try {
			while (!hasRoom(lines, index) && this.state == State.OPEN && nanos > 0
					&& !(backpressure && isFailing())) {
				nanos = this.space.awaitNanos(nanos);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.awaitingRoom -= incoming;
		}
		if (this.state != State.OPEN) {
			this.counts.offered(-incoming);
			requireOpen();
		}
		if (hasRoom(lines, index)) {
			return index;
		}
		if (!backpressure) {
			dropLines(lines.copy(index, lines.count), WriteDrop.Reason.OVERFLOW, effects);
			return lines.count;
		}
		return makeRoom(lines, index, OverflowPolicy.DROP_OLDEST, effects);
	}

	private boolean dropOldest(Effects effects) {
		Batch oldest = this.batches.removeOldestIdle();
		if (oldest != null) {
			dropBatch(oldest, WriteDrop.Reason.OVERFLOW, effects);
			return true;
		}
		if (!this.open.isEmpty()) {
			dropLines(clearOpen(), WriteDrop.Reason.OVERFLOW, effects);
			return true;
		}
		return false;
	}

	private LineBatch clearOpen() {
		this.heldBytes -= this.open.bytes();
		return this.open.clear();
	}

	/** Seals the open batch if it is still the one a flush timer was started for. */
	void sealIfGeneration(long generation, Effects effects) {
		this.lock.lock();
		try {
			if (this.open.generation() == generation && !this.open.isEmpty()) {
				seal(effects);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void seal(Effects effects) {
		if (!this.open.isEmpty()) {
			this.batches.queue(this.open.seal(++this.lastSequence));
			this.unresolvedBatches++;
			effects.dispatch = true;
		}
	}

	/** Moves the batches that may be sent now into flight, due retries first. */
	List<Batch> takeReady(long now, Effects effects) {
		this.lock.lock();
		try {
			List<Batch> ready = new ArrayList<>(2);
			while (!this.suspended && this.batches.inFlightCount() < this.options.maxConcurrentRequests()) {
				Batch batch = this.batches.takeNext(now);
				if (batch == null) {
					break;
				}
				if (batch.attempts++ == 0) {
					batch.firstAttemptNanos = now;
				}
				batch.sentNanos = now;
				ready.add(batch);
			}
			long nextRetry = this.batches.nanosUntilNextRetry(now);
			if (nextRetry >= 0 && !this.suspended
					&& this.batches.inFlightCount() < this.options.maxConcurrentRequests()) {
				effects.retryTimer(nextRetry);
			}
			return ready;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Keeps the handle of a request so that close and dispose can cancel it. */
	void attach(Batch batch, Disposable request) {
		this.lock.lock();
		try {
			if (batch.resolved || !this.batches.isInFlight(batch)) {
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
	 * Records what a request achieved: written, split, scheduled for retry, or failed. A fault while
	 * recording it fails the batch, unless it was already settled or waits for its retry.
	 */
	void complete(Batch batch, SendOutcome outcome, long now, Effects effects) {
		this.lock.lock();
		try {
			if (batch.resolved || !this.batches.landed(batch)) {
				return;
			}
			batch.request = null;
			effects.dispatch = true;
			try {
				record(batch, outcome, now, effects);
			}
			catch (Throwable ex) {
				if (!batch.resolved && !this.batches.isWaiting(batch)) {
					failAfterFault(batch, ex, effects);
				}
			}
			this.space.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Settles a batch by its outcome; what may throw comes before the counts and the batch change. */
	private void record(Batch batch, SendOutcome outcome, long now, Effects effects) {
		InfluxWriteException error = outcome.error();
		this.serverFailing = error != null && error.isRetryable();
		WriteResponse response = new WriteResponse(batch.lineCount, outcome.statusCode(),
				Duration.ofNanos(now - batch.sentNanos), error);
		effects.notify(() -> this.listeners.response(response));
		if (error == null) {
			WriteSuccess event = new WriteSuccess(batch.view(), batch.attempts, outcome.statusCode());
			this.counts.succeeded();
			this.counts.written(batch.lineCount);
			resolve(batch, null, effects);
			effects.notify(() -> this.listeners.success(event));
			return;
		}
		this.counts.requestFailed(error);
		if (outcome.isPartial()) {
			completePartially(batch, outcome, error, effects);
		}
		else if (outcome.isTooLarge() && batch.lineCount > 1) {
			Batch[] halves = batch.split();
			this.flushes.split(batch.sequence);
			this.batches.queueFirst(halves[0], halves[1]);
			this.unresolvedBatches++;
			batch.resolved = true;
		}
		else {
			Duration delay = (error.isRetryable() && this.state != State.CLOSED)
					? this.retryPolicy.nextDelay(batch.attempts, now - batch.firstAttemptNanos, outcome.retryAfter())
					: null;
			if (delay != null) {
				this.counts.retried();
				this.batches.waitForRetry(batch, RetryPolicy.saturatedAdd(now, delay));
				effects.retryTimer(RetryPolicy.nanos(delay));
				WriteRetry event = new WriteRetry(batch.view(), batch.attempts, delay, error);
				effects.notify(() -> this.listeners.retry(event));
			}
			else {
				WriteFailure event = new WriteFailure(batch.view(), batch.attempts, error);
				this.counts.failed(batch.lineCount, error.isRetryable());
				resolve(batch, error, effects);
				effects.notify(() -> this.listeners.failure(event));
			}
		}
	}

	/** Fails a batch whose outcome could not be recorded; its failure is logged with the fault's stack. */
	private void failAfterFault(Batch batch, Throwable fault, Effects effects) {
		InfluxWriteException error = new InfluxWriteException(
				"Recording the outcome of a request failed: " + fault.getClass().getName(), 0, false, fault);
		this.counts.failed(batch.lineCount, false);
		resolve(batch, error, effects);
		WriteFailure event = new WriteFailure(batch.view(), batch.attempts, error);
		effects.notify(() -> this.listeners.failure(event));
	}

	/**
	 * Splits a partial write: the lines refused fail, the others are written; when the server named
	 * no line, the counts follow its numbers and the failure carries every line of the batch.
	 */
	private void completePartially(Batch batch, SendOutcome outcome, InfluxWriteException error, Effects effects) {
		PartialWrite partial = Objects.requireNonNull(outcome.partial());
		int refusedCount = Math.min(batch.lineCount, partial.refusedCount());
		BitSet refused = partial.refused();
		if (refused == null) {
			WriteFailure failure = new WriteFailure(batch.view(), batch.attempts, error, refusedCount);
			settlePartially(batch, refusedCount, error, effects);
			effects.notify(() -> this.listeners.failure(failure));
			return;
		}
		WriteSuccess success = new WriteSuccess(batch.lines(refused, false), batch.attempts, outcome.statusCode());
		WriteFailure failure = new WriteFailure(batch.lines(refused, true), batch.attempts, error);
		settlePartially(batch, refusedCount, error, effects);
		effects.notify(() -> {
			if (success.lines().size() > 0) {
				this.listeners.success(success);
			}
			this.listeners.failure(failure);
		});
	}

	private void settlePartially(Batch batch, int refusedCount, InfluxWriteException error, Effects effects) {
		this.counts.written(batch.lineCount - refusedCount);
		this.counts.failed(refusedCount, false);
		resolve(batch, error, effects);
	}

	private void resolve(Batch batch, @Nullable InfluxWriteException error, Effects effects) {
		batch.resolved = true;
		this.heldBytes -= batch.length;
		this.unresolvedBatches--;
		this.flushes.resolved(batch.sequence, error, effects.completions());
	}

	private void dropBatch(Batch batch, WriteDrop.Reason reason, Effects effects) {
		Disposable request = batch.request;
		if (request != null) {
			request.dispose();
		}
		this.counts.dropped(batch.lineCount, reason);
		resolve(batch, dropError(batch.lineCount, reason), effects);
		WriteDrop event = new WriteDrop(batch.view(), reason);
		effects.notify(() -> this.listeners.drop(event));
	}

	private void dropLines(LineBatch lines, WriteDrop.Reason reason, Effects effects) {
		this.counts.dropped(lines.size(), reason);
		WriteDrop event = new WriteDrop(lines, reason);
		effects.notify(() -> this.listeners.drop(event));
	}

	private static InfluxWriteException dropError(int lines, WriteDrop.Reason reason) {
		return new InfluxWriteException(lines + " lines were dropped (" + reason.name().toLowerCase() + ")", 0,
				false, null);
	}

	/**
	 * Seals the open batch and returns a future for every line buffered now.
	 * @param retryNow make lines waiting for a retry due at once
	 */
	CompletableFuture<Void> flush(boolean retryNow, long now, Effects effects) {
		this.lock.lock();
		try {
			seal(effects);
			if (retryNow && this.batches.retryAllNow(now)) {
				effects.dispatch = true;
			}
			return this.flushes.register(this.unresolvedBatches, this.lastSequence);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Stops taking lines and flushes everything; {@code null} when already closing or closed. */
	@Nullable CompletableFuture<Void> beginClose(long now, Effects effects) {
		this.lock.lock();
		try {
			if (this.state != State.OPEN) {
				return null;
			}
			this.state = State.CLOSING;
			this.space.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		return flush(true, now, effects);
	}

	/** Ends the store: every unresolved line is dropped and its request cancelled; returns their count. */
	int finish(WriteDrop.Reason reason, Effects effects) {
		this.lock.lock();
		try {
			if (this.state == State.CLOSED || this.state == State.DISPOSED) {
				return 0;
			}
			this.state = (reason == WriteDrop.Reason.DISPOSED) ? State.DISPOSED : State.CLOSED;
			long before = this.counts.droppedTotal();
			if (!this.open.isEmpty()) {
				dropLines(clearOpen(), reason, effects);
			}
			this.batches.removeAll().forEach((batch) -> dropBatch(batch, reason, effects));
			this.space.signalAll();
			return (int) (this.counts.droppedTotal() - before);
		}
		finally {
			this.lock.unlock();
		}
	}

	private long buffered() {
		return this.counts.unresolved();
	}

	/** Counts the lines held, batch by batch and in waiting callers' hands, independently of the running totals. */
	private long countBuffered() {
		return this.open.lines() + this.batches.lines() + this.awaitingRoom;
	}

	WriteStatistics statistics() {
		this.lock.lock();
		try {
			return this.counts.snapshot(countBuffered(), this.open.bytes() + this.batches.bytes(),
					this.batches.waitingLines(), this.batches.inFlightCount());
		}
		finally {
			this.lock.unlock();
		}
	}

}
