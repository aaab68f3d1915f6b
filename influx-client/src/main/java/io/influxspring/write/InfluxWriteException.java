package io.influxspring.write;

import org.jspecify.annotations.Nullable;

/**
 * Why lines were not written: the server's answer, a network error, or a drop.
 *
 * @since 0.1.0
 */
public class InfluxWriteException extends RuntimeException {

	private final int statusCode;

	private final boolean retryable;

	/**
	 * @param message what happened, with the server's message when there is one (never a secret)
	 * @param statusCode the HTTP status, or 0 when there was no response
	 * @param retryable whether sending the same lines again may succeed
	 * @param cause the underlying exception, if any
	 */
	public InfluxWriteException(String message, int statusCode, boolean retryable, @Nullable Throwable cause) {
		super(message, cause);
		this.statusCode = statusCode;
		this.retryable = retryable;
	}

	/** The HTTP status of the response, or 0 when there was none (network error, drop). */
	public int getStatusCode() {
		return this.statusCode;
	}

	/** Whether the same request may succeed if sent again. */
	public boolean isRetryable() {
		return this.retryable;
	}

}
