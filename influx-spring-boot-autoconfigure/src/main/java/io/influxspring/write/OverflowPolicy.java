package io.influxspring.write;

/** What a write does when the buffer already holds {@code buffer-limit} lines. */
public enum OverflowPolicy {

	/** Drop the oldest buffered lines to make room (default). */
	DROP_OLDEST,

	/** Drop the lines being written. */
	DROP_NEWEST,

	/** Wait for room, at most the block timeout, then drop the lines being written. */
	BLOCK

}
