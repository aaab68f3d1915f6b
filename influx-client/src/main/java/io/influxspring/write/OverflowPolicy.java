package io.influxspring.write;

/**
 * What a write does when the buffer already holds {@code buffer-limit} lines.
 *
 * @since 0.1.0
 */
public enum OverflowPolicy {

	/**
	 * While the server is answering, wait for room (at most the block timeout) so that nothing is
	 * dropped; while it is failing (a batch waits for a retry), drop the oldest lines instead of
	 * waiting (default).
	 */
	BACKPRESSURE,

	/** Drop the oldest buffered lines to make room. */
	DROP_OLDEST,

	/** Drop the lines being written. */
	DROP_NEWEST,

	/** Wait for room, at most the block timeout, then drop the lines being written. */
	BLOCK

}
