package io.influxspring.write.engine;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The one thread of a writer: runs flush and retry timers, dispatches requests, handles their
 * outcomes and calls listeners, in order. Delayed tasks are discarded on shutdown.
 */
final class WriterThread {

	private static final Log logger = LogFactory.getLog(WriterThread.class);

	private static final AtomicInteger COUNT = new AtomicInteger();

	private final ScheduledThreadPoolExecutor executor;

	private volatile Thread thread;

	WriterThread(String name) {
		String threadName = name + "-" + COUNT.incrementAndGet();
		this.executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread created = new Worker(runnable, threadName);
			created.setDaemon(true);
			this.thread = created;
			return created;
		});
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.executor.setRemoveOnCancelPolicy(true);
	}

	boolean isCurrentThread() {
		return Thread.currentThread() == this.thread;
	}

	/** Runs the task on the writer thread, or on the caller's once the writer thread has stopped. */
	void execute(Runnable task) {
		try {
			this.executor.execute(() -> run(task));
		}
		catch (RejectedExecutionException ex) {
			run(task);
		}
	}

	void schedule(Runnable task, long delayNanos) {
		try {
			this.executor.schedule(() -> run(task), delayNanos, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// shut down: timers no longer matter
		}
	}

	/** Runs {@code last}, then stops; waits a little for it when {@code await} is set. */
	void shutdown(Runnable last, boolean await) {
		execute(last);
		this.executor.shutdown();
		if (await) {
			try {
				this.executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void run(Runnable task) {
		try {
			task.run();
		}
		catch (Throwable ex) {
			logger.error("Unexpected failure in the InfluxDB writer thread", ex);
		}
	}

	/** Whether the current thread is the thread of a writer, this one or another. */
	static boolean isWriterThread() {
		return Thread.currentThread() instanceof Worker;
	}

	/** The thread of a writer. */
	private static final class Worker extends Thread {

		Worker(Runnable task, String name) {
			super(task, name);
		}

	}

}
