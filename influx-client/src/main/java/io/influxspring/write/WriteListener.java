package io.influxspring.write;

/**
 * Hears what happens to written lines. Called on the writer's own thread, so keep it quick; an
 * exception thrown here is logged and otherwise ignored.
 *
 * @since 0.1.0
 */
public interface WriteListener {

	/** A write request got its answer (or failed without one); for timing requests. */
	default void onResponse(WriteResponse event) {
	}

	/** Lines were acknowledged by the server. */
	default void onSuccess(WriteSuccess event) {
	}

	/** A request failed and its lines will be sent again. */
	default void onRetry(WriteRetry event) {
	}

	/** Lines failed for good: rejected by the server, or out of retries. */
	default void onFailure(WriteFailure event) {
	}

	/** Lines were dropped before they could be written: overflow, close or dispose. */
	default void onDrop(WriteDrop event) {
	}

}
