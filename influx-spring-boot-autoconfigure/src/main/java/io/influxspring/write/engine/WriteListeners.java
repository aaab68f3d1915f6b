package io.influxspring.write.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteRetry;
import io.influxspring.write.WriteSuccess;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Fans signals out to the registered listeners, isolating their exceptions, and logs each final
 * failure and drop once (the messages carry the server's reason, never credentials).
 */
final class WriteListeners {

	private static final Log logger = LogFactory.getLog(WriteListeners.class);

	private final List<WriteListener> listeners = new CopyOnWriteArrayList<>();

	void add(WriteListener listener) {
		this.listeners.add(listener);
	}

	void remove(WriteListener listener) {
		this.listeners.remove(listener);
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
		logger.warn("Failed to write " + event.lines().size() + " lines after " + event.attempt() + " attempt(s): "
				+ event.reason().getMessage());
		each((listener) -> listener.onFailure(event));
	}

	void drop(WriteDrop event) {
		logger.warn("Dropped " + event.lines().size() + " lines (" + event.reason().name().toLowerCase() + ")");
		each((listener) -> listener.onDrop(event));
	}

	private void each(Consumer<WriteListener> call) {
		for (WriteListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Write listener " + listener + " failed", ex);
			}
		}
	}

}
