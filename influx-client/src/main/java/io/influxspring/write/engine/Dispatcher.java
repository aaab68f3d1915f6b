package io.influxspring.write.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.influxspring.write.InfluxWriteException;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.WriteResponse;
import io.influxspring.write.WriteRetry;
import io.influxspring.write.WriteSuccess;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * The loop on a writer's thread, after Kafka's {@code Sender}: it seals open batches at their
 * deadline, sends what the {@link LineAccumulator} has ready, decides every outcome (written,
 * partial write, split, retry, failure), tells the listeners and completes flush futures; then it
 * sleeps until the next flush deadline, the next due retry, or a {@link #wakeUp() signal}.
 * Responses arrive on Reactor's threads and are only queued there.
 */
final class Dispatcher implements Runnable {

	private static final Log logger = LogFactory.getLog(Dispatcher.class);

	/** How long the loop pauses after an unexpected fault, so that a persistent one does not spin. */
	private static final long FAULT_PAUSE_NANOS = 10_000_000L;

	/**
	 * What listeners hear of a batch whose spool record stays: split (its halves hold it), or
	 * settled before a fault (sending it again after a crash only writes it twice).
	 */
	private static final Runnable KEEP_SPOOLED = () -> {
	};

	private final LineAccumulator accumulator;

	private final BatchSender sender;

	private final WriteListeners listeners;

	private final RetryPolicy retryPolicy;

	private final long flushIntervalNanos;

	/** The exclusive bound of the flush jitter: 1 for none. */
	private final long jitterBound;

	private final WriterThread thread;

	private final Queue<Completion> completions = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean signalled = new AtomicBoolean();

	/** Notices taken from the accumulator, delivered by the loop. */
	private final Notices notices = new Notices();

	private volatile String path;

	private volatile boolean stopping;

	private final @Nullable SpoolKeeper spool;

	private final Duration maxRetryDelay;

	Dispatcher(LineAccumulator accumulator, BatchSender sender, WriteListeners listeners, WriteOptions options,
			String path, String threadName, @Nullable SpoolKeeper spool) {
		this.spool = spool;
		this.maxRetryDelay = options.maxRetryDelay();
		this.accumulator = accumulator;
		this.sender = sender;
		this.listeners = listeners;
		this.retryPolicy = new RetryPolicy(options);
		this.flushIntervalNanos = RetryPolicy.nanos(options.flushInterval());
		long jitter = RetryPolicy.nanos(options.jitter());
		this.jitterBound = (jitter < Long.MAX_VALUE) ? jitter + 1 : jitter;
		this.path = path;
		this.thread = new WriterThread(threadName, this);
	}

	void start() {
		this.thread.start();
	}

	String path() {
		return this.path;
	}

	void path(String path) {
		this.path = path;
	}

	boolean isCurrentThread() {
		return this.thread.isCurrentThread();
	}

	/** Makes the loop run again soon; never blocks. */
	void wakeUp() {
		if (!this.signalled.get() && !this.signalled.getAndSet(true)) {
			this.thread.unpark();
		}
	}

	/** Ends the loop once it has delivered what is left; waits a little for that when {@code await} is set. */
	void stop(boolean await) {
		this.stopping = true;
		wakeUp();
		if (await && !isCurrentThread()) {
			this.thread.join(5_000);
		}
	}

	/** Builds a first request before any is due, so that the first batch finds its code loaded. */
	private void warmUp() {
		try {
			this.sender.warmUp(this.path);
		}
		catch (Throwable ex) {
			logger.debug("Could not build a request ahead of the first batch", ex);
		}
	}

	@Override
	public void run() {
		warmUp();
		while (true) {
			Thread.interrupted();
			this.signalled.set(false);
			boolean last = this.stopping;
			long sleep;
			try {
				sleep = runOnce();
			}
			catch (Throwable ex) {
				logger.error("Unexpected failure in the InfluxDB writer thread", ex);
				sleep = FAULT_PAUSE_NANOS;
			}
			if (last) {
				if (this.spool != null) {
					this.spool.close();
				}
				return;
			}
			if (!this.signalled.get()) {
				if (sleep == LineAccumulator.NONE) {
					LockSupport.park(this);
				}
				else if (sleep > 0) {
					LockSupport.parkNanos(this, sleep);
				}
			}
		}
	}

	/**
	 * One round: outcomes of the requests that ended, the open batch sealed at its deadline, batches
	 * ready sent, notices delivered.
	 * @return nanoseconds until the next flush deadline or due retry, or {@link LineAccumulator#NONE}
	 */
	long runOnce() {
		Completion completion;
		while ((completion = this.completions.poll()) != null) {
			complete(completion.batch(), completion.outcome(), System.nanoTime());
		}
		long now = System.nanoTime();
		long flushDelay = this.accumulator.sealIfDue(now, linger());
		if (this.spool != null) {
			this.spool.spoolSealed();
		}
		String currentPath = this.path;
		for (Batch batch : this.accumulator.drain(now)) {
			send(batch, currentPath);
		}
		for (Batch batch : this.accumulator.upNext()) {
			this.sender.compressAhead(batch);
		}
		long retryDelay = this.accumulator.nanosUntilRetry(now);
		deliverNotices();
		if (flushDelay == LineAccumulator.NONE || (retryDelay != LineAccumulator.NONE && retryDelay < flushDelay)) {
			return retryDelay;
		}
		return flushDelay;
	}

	/** How long a new open batch may stay open: the flush interval plus a random jitter, saturated. */
	private long linger() {
		if (this.jitterBound == 1) {
			return this.flushIntervalNanos;
		}
		long linger = this.flushIntervalNanos + ThreadLocalRandom.current().nextLong(this.jitterBound);
		return (linger < 0) ? Long.MAX_VALUE : linger;
	}

	private void send(Batch batch, String path) {
		try {
			if (this.spool != null) {
				IOException unreadable = this.spool.load(batch);
				if (unreadable != null) {
					failUnreadable(batch, unreadable);
					return;
				}
				if (batch.evicted) {
					return;
				}
				this.spool.spool(batch);
			}
			Disposable request = this.sender.send(batch, path)
				.subscribe((outcome) -> completed(batch, outcome), (error) -> completed(batch, this.sender.failed(error)));
			this.accumulator.attach(batch, request);
		}
		catch (Throwable ex) {
			completed(batch, this.sender.failed(ex));
		}
	}

	/** Hands the outcome of a request to the loop; called on whichever thread it ended on. */
	private void completed(Batch batch, SendOutcome outcome) {
		this.completions.add(new Completion(batch, outcome));
		wakeUp();
	}

	/**
	 * Decides what a request achieved and tells the listeners. A fault while deciding fails the
	 * batch, unless it was already settled or waits for its retry.
	 */
	void complete(Batch batch, SendOutcome outcome, long now) {
		InfluxWriteException error = outcome.error();
		if (!this.accumulator.land(batch, error != null && error.isRetryable())) {
			return;
		}
		WriteResponse response = new WriteResponse(batch.lineCount, outcome.statusCode(),
				Duration.ofNanos(now - batch.sentNanos), error);
		Runnable heard;
		try {
			heard = settle(batch, outcome, now);
		}
		catch (Throwable ex) {
			heard = failAfterFault(batch, ex);
		}
		if (heard != null) {
			release(batch, heard);
			boolean unseen = !this.listeners.hearsSuccesses();
			deliver(() -> this.listeners.response(response));
			deliver(heard);
			if (unseen && error == null && !this.listeners.hearsSuccesses()) {
				this.accumulator.recycle(batch);
			}
		}
	}

	/**
	 * Settles a landed batch by its outcome; returns what the listeners are to hear besides the
	 * response, or {@code null} when the batch was dropped meanwhile.
	 */
	private @Nullable Runnable settle(Batch batch, SendOutcome outcome, long now) {
		InfluxWriteException error = outcome.error();
		if (error == null) {
			WriteSuccess event = new WriteSuccess(batch.view(), batch.attempts, outcome.statusCode());
			return this.accumulator.settle(batch, Settlement.WRITTEN, batch.lineCount, null, 0)
					? () -> this.listeners.success(event) : null;
		}
		if (outcome.isPartial()) {
			return settlePartially(batch, outcome, error);
		}
		if (outcome.isTooLarge() && batch.lineCount > 1) {
			return this.accumulator.settle(batch, Settlement.SPLIT, 0, error, 0) ? KEEP_SPOOLED : null;
		}
		Duration delay = (error.isRetryable() && this.accumulator.state() != LineAccumulator.State.CLOSED)
				? this.retryPolicy.nextDelay(batch.attempts, now - batch.firstAttemptNanos, outcome.retryAfter())
				: null;
		if (delay == null && this.spool != null && error.isRetryable()
				&& this.accumulator.state() != LineAccumulator.State.CLOSED) {
			delay = this.maxRetryDelay;
		}
		if (delay != null) {
			WriteRetry event = new WriteRetry(batch.view(), batch.attempts, delay, error);
			return this.accumulator.settle(batch, Settlement.RETRY, 0, error, RetryPolicy.saturatedAdd(now, delay))
					? new Retried(() -> this.listeners.retry(event)) : null;
		}
		WriteFailure event = new WriteFailure(batch.view(), batch.attempts, error);
		Settlement settlement = error.isRetryable() ? Settlement.EXPIRED : Settlement.FAILED;
		if (!this.accumulator.settle(batch, settlement, 0, error, 0)) {
			return null;
		}
		Runnable heard = () -> this.listeners.failure(event);
		return (error.getStatusCode() == 0) ? new Retried(heard) : heard;
	}

	/**
	 * Splits a partial write: the lines refused fail, the others are written; when the server named
	 * no line, the counts follow its numbers and the failure carries every line of the batch.
	 */
	private @Nullable Runnable settlePartially(Batch batch, SendOutcome outcome, InfluxWriteException error) {
		PartialWrite partial = Objects.requireNonNull(outcome.partial());
		int refusedCount = Math.min(batch.lineCount, partial.refusedCount());
		BitSet refused = partial.refused();
		if (refused == null) {
			WriteFailure failure = new WriteFailure(batch.view(), batch.attempts, error, refusedCount);
			return this.accumulator.settle(batch, Settlement.WRITTEN, batch.lineCount - refusedCount, error, 0)
					? () -> this.listeners.failure(failure) : null;
		}
		WriteSuccess success = new WriteSuccess(batch.lines(refused, false), batch.attempts, outcome.statusCode());
		WriteFailure failure = new WriteFailure(batch.lines(refused, true), batch.attempts, error);
		if (!this.accumulator.settle(batch, Settlement.WRITTEN, batch.lineCount - refusedCount, error, 0)) {
			return null;
		}
		return () -> {
			if (success.lines().size() > 0) {
				this.listeners.success(success);
			}
			this.listeners.failure(failure);
		};
	}

	/** Fails a batch whose outcome could not be recorded; its failure is logged with the fault's stack. */
	private Runnable failAfterFault(Batch batch, Throwable fault) {
		InfluxWriteException error = new InfluxWriteException(
				"Recording the outcome of a request failed: " + fault.getClass().getName(), 0, false, fault);
		WriteFailure event = new WriteFailure(batch.view(), batch.attempts, error);
		return this.accumulator.settle(batch, Settlement.AFTER_FAULT, 0, error, 0)
				? () -> this.listeners.failure(event) : KEEP_SPOOLED;
	}

	/** Fails for good a batch whose lines can no longer be read from the spool, and lets its record go. */
	private void failUnreadable(Batch batch, IOException cause) {
		InfluxWriteException error = new InfluxWriteException("Could not read " + batch.lineCount
				+ " lines back from the spool: " + cause.getMessage(), 0, false, cause);
		if (this.accumulator.settle(batch, Settlement.AFTER_FAULT, 0, error, 0)) {
			release(batch, () -> {
			});
			WriteFailure event = new WriteFailure(batch.view(), batch.attempts, error, batch.lineCount);
			deliver(() -> this.listeners.failure(event));
		}
	}

	/**
	 * Tells the listeners of lines dropped, one drop at a time (the lines of an evicted batch read
	 * from the spool only when a listener is there to hear them), lets the spool records of dropped
	 * batches go, then completes the flush futures whose lines are all settled.
	 */
	void deliverNotices() {
		this.accumulator.takeNotices(this.notices);
		if (this.notices.isEmpty()) {
			return;
		}
		List<Notices.Dropped> drops = this.notices.dropped();
		List<Runnable> flushed = this.notices.flushCompletions();
		List<Batch> released = this.notices.releasedBatches();
		this.notices.clear();
		SpoolKeeper keeper = this.spool;
		for (Notices.Dropped drop : drops) {
			if (drop.lines() == null && this.listeners.isEmpty()) {
				deliver(() -> this.listeners.dropUnheard(drop.lineCount(), drop.reason()));
			}
			else {
				deliver(() -> this.listeners.drop(drop.event((keeper != null) ? keeper::linesOf : Batch::view)));
			}
		}
		if (keeper != null) {
			for (Batch batch : released) {
				keeper.release(batch);
			}
		}
		flushed.forEach(Dispatcher::deliver);
	}

	private static void deliver(Runnable notification) {
		try {
			notification.run();
		}
		catch (Throwable ex) {
			logger.error("Unexpected failure while notifying of a write outcome", ex);
		}
	}

	/** Lets the spool record of a batch go once it is settled for good (not retried, not split). */
	private void release(Batch batch, Runnable heard) {
		if (this.spool != null && heard != KEEP_SPOOLED && !(heard instanceof Retried)) {
			try {
				this.spool.release(batch);
			}
			catch (Throwable ex) {
				logger.error("Unexpected failure while releasing a spooled batch", ex);
			}
		}
	}

	boolean hasSpool() {
		return this.spool != null;
	}

	long spoolSkipped() {
		return (this.spool != null) ? this.spool.skipped() : 0;
	}

	long spooledLines() {
		return (this.spool != null) ? this.spool.lines() : 0;
	}

	long spooledBytes() {
		return (this.spool != null) ? this.spool.bytes() : 0;
	}

	private record Completion(Batch batch, SendOutcome outcome) {
	}

	/**
	 * What the listeners hear of a batch whose spool record stays: scheduled for a retry, or failed
	 * without an answer from the server (a local fault, the client shutting down), which the next
	 * start sends again.
	 */
	private record Retried(Runnable notification) implements Runnable {

		@Override
		public void run() {
			this.notification.run();
		}

	}

}
