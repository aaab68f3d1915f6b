package io.influxspring.write.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** The one thread of a writer, a daemon that runs its {@link Dispatcher}'s loop. */
final class WriterThread {

	private static final AtomicInteger COUNT = new AtomicInteger();

	private final Thread thread;

	WriterThread(String name, Runnable loop) {
		this.thread = new Worker(loop, name + "-" + COUNT.incrementAndGet());
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	boolean isCurrentThread() {
		return Thread.currentThread() == this.thread;
	}

	/** Ends a park of the thread, or the next one. */
	void unpark() {
		LockSupport.unpark(this.thread);
	}

	/** Waits at most {@code millis} for the thread to end. */
	void join(long millis) {
		try {
			this.thread.join(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
