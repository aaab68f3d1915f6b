package io.influxspring.write;

/**
 * Lines that failed for good.
 * @param lines the lines
 * @param attempt the number of attempts made
 * @param reason the last failure; {@link InfluxWriteException#isRetryable()} tells whether the
 * lines were rejected or ran out of retries
 */
public record WriteFailure(LineBatch lines, int attempt, InfluxWriteException reason) {

	/** Whether the lines ran out of retries rather than being rejected by the server. */
	public boolean isExpired() {
		return this.reason.isRetryable();
	}

}
