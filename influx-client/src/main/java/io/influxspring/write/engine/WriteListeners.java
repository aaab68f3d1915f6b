package io.influxspring.write.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteResponse;
import io.influxspring.write.WriteRetry;
import io.influxspring.write.WriteSuccess;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Fans signals out to the registered listeners, isolating whatever they throw, and logs each final
 * failure and drop once (the messages carry the server's reason, never credentials).
 */
final class WriteListeners {

	private static final Log logger = LogFactory.getLog(WriteListeners.class);

	/** Overflow drops are logged at most this often, with the count since the previous report. */
	private static final long DROP_LOG_INTERVAL_NANOS = 10_000_000_000L;

	private final List<WriteListener> listeners = new CopyOnWriteArrayList<>();

	/** Touched only by the writer thread, which calls every method but add and remove. */
	private long droppedSinceLog;

	private long lastDropLog;

	/** Whether a listener overrides {@link WriteListener#onSuccess}, and so may keep the lines it is given. */
	private volatile boolean hearsSuccesses;

	void add(WriteListener listener) {
		this.listeners.add(listener);
		this.hearsSuccesses = this.listeners.stream().anyMatch(WriteListeners::overridesOnSuccess);
	}

	void remove(WriteListener listener) {
		this.listeners.remove(listener);
		this.hearsSuccesses = this.listeners.stream().anyMatch(WriteListeners::overridesOnSuccess);
	}

	boolean hearsSuccesses() {
		return this.hearsSuccesses;
	}

	private static boolean overridesOnSuccess(WriteListener listener) {
		try {
			Class<?> declaring = listener.getClass().getMethod("onSuccess", WriteSuccess.class).getDeclaringClass();
			return declaring != WriteListener.class;
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
	}

	void response(WriteResponse event) {
		each((listener) -> listener.onResponse(event));
	}

	void success(WriteSuccess event) {
		each((listener) -> listener.onSuccess(event));
	}

	void retry(WriteRetry event) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying " + event.lines().size() + " lines in " + event.delay().toMillis()
					+ " ms after attempt " + event.attempt() + ": " + event.reason().getMessage());
		}
		each((listener) -> listener.onRetry(event));
	}

	void failure(WriteFailure event) {
		String message = "Failed to write " + event.refusedLines()
				+ ((event.isUncertain()) ? " of " + event.lines().size() : "") + " lines after " + event.attempt()
				+ " attempt(s): " + event.reason().getMessage();
		Throwable cause = event.reason().getCause();
		if (cause instanceof Error || (cause != null && event.reason().getStatusCode() == 0 && !event.reason().isRetryable())) {
			logger.error(message, cause);
		}
		else {
			logger.warn(message);
		}
		each((listener) -> listener.onFailure(event));
	}

	void drop(WriteDrop event) {
		logDrop(event.lines().size(), event.reason());
		each((listener) -> listener.onDrop(event));
	}

	/** Logs lines dropped when there is no listener to tell. */
	void dropUnheard(int lines, WriteDrop.Reason reason) {
		logDrop(lines, reason);
	}

	boolean isEmpty() {
		return this.listeners.isEmpty();
	}

	private void logDrop(int lines, WriteDrop.Reason reason) {
		this.droppedSinceLog += lines;
		long now = System.nanoTime();
		if (this.lastDropLog == 0 || now - this.lastDropLog >= DROP_LOG_INTERVAL_NANOS
				|| reason != WriteDrop.Reason.OVERFLOW) {
			logger.warn("Dropped " + this.droppedSinceLog + " lines (last: " + reason.name().toLowerCase() + ")"
					+ ((this.lastDropLog == 0) ? "" : " since the previous report"));
			this.droppedSinceLog = 0;
			this.lastDropLog = now;
		}
	}

	private void each(Consumer<WriteListener> call) {
		for (WriteListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (Throwable ex) {
				logger.error("Write listener " + listener + " failed; the other listeners are still called", ex);
			}
		}
	}

}
