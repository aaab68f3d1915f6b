package io.influxspring.write;

/**
 * Lines that failed for good.
 * @param lines the lines
 * @param attempt the number of attempts made
 * @param reason the last failure; {@link InfluxWriteException#isRetryable()} tells whether the
 * lines were rejected or ran out of retries
 * @param refusedLines how many of the lines failed: all of them, unless the server answered a partial
 * write that kept the others without saying which (see {@link #isUncertain()})
 *
 * @since 0.1.0
 */
public record WriteFailure(LineBatch lines, int attempt, InfluxWriteException reason, int refusedLines) {

	/** A failure of all the lines. */
	public WriteFailure(LineBatch lines, int attempt, InfluxWriteException reason) {
		this(lines, attempt, reason, lines.size());
	}

	/** Whether the lines ran out of retries rather than being rejected by the server. */
	public boolean isExpired() {
		return this.reason.isRetryable();
	}

	/**
	 * Whether the server kept some of these lines and refused {@link #refusedLines()} of them without
	 * saying which (InfluxDB's {@code partial write: ... dropped=N}); the lines are counted written and
	 * failed accordingly, and sending them all again may write some twice.
	 * @since 0.1.0
	 */
	public boolean isUncertain() {
		return this.refusedLines < this.lines.size();
	}

}
