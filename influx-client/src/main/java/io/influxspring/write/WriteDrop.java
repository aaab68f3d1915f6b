package io.influxspring.write;

/**
 * Lines dropped before they could be written.
 * @param lines the lines
 * @param reason why they were dropped
 *
 * @since 0.1.0
 */
public record WriteDrop(LineBatch lines, Reason reason) {

	/** Why lines were dropped. */
	public enum Reason {

		/** The buffer was full. */
		OVERFLOW,

		/** The writer was closed before the lines could be written within the close timeout. */
		CLOSED,

		/** The writer was disposed. */
		DISPOSED

	}

}
