package io.influxspring.write.engine;

import java.time.Duration;

import io.influxspring.write.InfluxWriteException;
import org.jspecify.annotations.Nullable;

/**
 * What one request achieved.
 * @param statusCode the HTTP status, or 0 when there was no response
 * @param error why it failed, or {@code null} on success
 * @param retryAfter the server's {@code Retry-After}, if any
 * @param partial what the server refused when it kept the other lines, or {@code null}
 */
record SendOutcome(int statusCode, @Nullable InfluxWriteException error, @Nullable Duration retryAfter,
		@Nullable PartialWrite partial) {

	static SendOutcome success(int statusCode) {
		return new SendOutcome(statusCode, null, null, null);
	}

	static SendOutcome failure(int statusCode, InfluxWriteException error, @Nullable Duration retryAfter) {
		return new SendOutcome(statusCode, error, retryAfter, null);
	}

	static SendOutcome partial(int statusCode, InfluxWriteException error, PartialWrite partial) {
		return new SendOutcome(statusCode, error, null, partial);
	}

	boolean isSuccess() {
		return this.error == null;
	}

	boolean isPartial() {
		return this.partial != null;
	}

	boolean isTooLarge() {
		return this.statusCode == 413;
	}

}
