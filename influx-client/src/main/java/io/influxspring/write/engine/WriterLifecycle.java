package io.influxspring.write.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteOptions;

/**
 * Flush, suspend, resume, close and dispose of a writer: in which order the {@link LineAccumulator}
 * and the {@link Dispatcher} are told, and how long a caller waits.
 */
final class WriterLifecycle {

	private final LineAccumulator accumulator;

	private final Dispatcher dispatcher;

	private final long closeTimeoutNanos;

	private final CountDownLatch terminated = new CountDownLatch(1);

	WriterLifecycle(LineAccumulator accumulator, Dispatcher dispatcher, WriteOptions options) {
		this.accumulator = accumulator;
		this.dispatcher = dispatcher;
		this.closeTimeoutNanos = RetryPolicy.nanos(options.closeTimeout());
	}

	CompletableFuture<Void> flush(boolean withRetryBuffer) {
		CompletableFuture<Void> future = this.accumulator.flush(withRetryBuffer, System.nanoTime());
		this.dispatcher.wakeUp();
		return future;
	}

	/** Delivers what is buffered, waiting at most the close timeout, then stops sending. */
	void suspend() {
		if (this.accumulator.state() != LineAccumulator.State.OPEN || this.accumulator.isSuspended()) {
			return;
		}
		await(flush(true));
		this.accumulator.suspend(true);
	}

	void resume() {
		this.accumulator.suspend(false);
		this.dispatcher.wakeUp();
	}

	/**
	 * Delivers what is buffered within the close timeout (at once when suspended or called on the
	 * writer's thread), then drops the rest as {@code CLOSED} and stops the dispatcher. A second
	 * caller returns once the first has finished.
	 */
	void close() {
		boolean suspended = this.accumulator.isSuspended();
		CompletableFuture<Void> everything = this.accumulator.beginClose(System.nanoTime());
		if (everything == null) {
			awaitTermination();
			return;
		}
		this.dispatcher.wakeUp();
		if (!suspended && !this.dispatcher.isCurrentThread()) {
			await(everything);
		}
		try {
			this.accumulator.finish(WriteDrop.Reason.CLOSED);
		}
		finally {
			this.dispatcher.stop(true);
			this.terminated.countDown();
		}
	}

	/** Drops everything as {@code DISPOSED} at once; returns how many lines. */
	int dispose() {
		try {
			return this.accumulator.finish(WriteDrop.Reason.DISPOSED);
		}
		finally {
			this.dispatcher.stop(false);
			this.terminated.countDown();
		}
	}

	private void await(CompletableFuture<Void> future) {
		try {
			future.get(this.closeTimeoutNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// what is left is kept (suspend) or dropped (close)
		}
	}

	private void awaitTermination() {
		if (this.dispatcher.isCurrentThread()) {
			return;
		}
		try {
			this.terminated.await(TimeUnit.NANOSECONDS.toMillis(this.closeTimeoutNanos) + 10_000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
