package io.influxspring.write.engine;

import java.time.Duration;

import io.influxspring.write.InfluxWriteException;
import org.jspecify.annotations.Nullable;

/**
 * What one request achieved.
 * @param statusCode the HTTP status, or 0 when there was no response
 * @param error why it failed, or {@code null} on success
 * @param retryAfter the server's {@code Retry-After}, if any
 * @param rejectedLines 1-based numbers of the lines a partial write rejected (the others were written)
 */
record SendOutcome(int statusCode, @Nullable InfluxWriteException error, @Nullable Duration retryAfter,
		int[] rejectedLines) {

	private static final int[] NONE = new int[0];

	static SendOutcome success(int statusCode) {
		return new SendOutcome(statusCode, null, null, NONE);
	}

	static SendOutcome failure(int statusCode, InfluxWriteException error, @Nullable Duration retryAfter) {
		return new SendOutcome(statusCode, error, retryAfter, NONE);
	}

	static SendOutcome partial(int statusCode, InfluxWriteException error, int[] rejectedLines) {
		return new SendOutcome(statusCode, error, null, rejectedLines);
	}

	boolean isSuccess() {
		return this.error == null;
	}

	boolean isPartial() {
		return this.rejectedLines.length > 0;
	}

	boolean isTooLarge() {
		return this.statusCode == 413;
	}

}
