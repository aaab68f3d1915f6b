package io.influxspring.write.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

import io.influxspring.write.WriteOptions;
import org.jspecify.annotations.Nullable;

/**
 * When to try a failed batch again: exponential backoff with jitter, {@code Retry-After} honoured
 * and capped, bounded by a number of retries and a total time since the first attempt.
 */
final class RetryPolicy {

	private final WriteOptions options;

	RetryPolicy(WriteOptions options) {
		this.options = options;
	}

	/**
	 * The delay before the next attempt, or {@code null} when the batch has run out of retries.
	 * @param attempts attempts made so far (1 after the first request)
	 * @param elapsedNanos time since the first attempt
	 * @param retryAfter the server's {@code Retry-After}, if any
	 */
	@Nullable Duration nextDelay(int attempts, long elapsedNanos, @Nullable Duration retryAfter) {
		if (attempts > this.options.maxRetries()) {
			return null;
		}
		Duration delay = (retryAfter != null) ? min(retryAfter, this.options.maxRetryDelay()) : backoff(attempts)
			.plusMillis(random(this.options.retryJitter().toMillis()));
		if (saturatedAdd(elapsedNanos, delay) > nanos(this.options.maxRetryTime())) {
			return null;
		}
		return delay;
	}

	/** A duration in nanoseconds, {@code Long.MAX_VALUE} for one too long to hold (over 292 years). */
	static long nanos(Duration duration) {
		return (duration.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1) ? Long.MAX_VALUE : duration.toNanos();
	}

	/** {@code time} plus a duration in nanoseconds, {@code Long.MAX_VALUE} on overflow. */
	static long saturatedAdd(long time, Duration duration) {
		long sum = time + nanos(duration);
		return (sum < time) ? Long.MAX_VALUE : sum;
	}

	private Duration backoff(int attempts) {
		double millis = this.options.minRetryDelay().toMillis() * Math.pow(this.options.exponentialBase(), attempts - 1);
		long capped = (long) Math.min(millis, this.options.maxRetryDelay().toMillis());
		return Duration.ofMillis(capped);
	}

	private static long random(long bound) {
		return (bound > 0) ? ThreadLocalRandom.current().nextLong(bound + 1) : 0;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/**
	 * Reads a {@code Retry-After} header: delay-seconds or an HTTP-date.
	 * @return the delay from {@code now}, or {@code null} when absent or unreadable
	 */
	static @Nullable Duration parseRetryAfter(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		try {
			long seconds = Long.parseLong(text);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration delay = Duration.between(now, at);
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

}
