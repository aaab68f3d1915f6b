package io.influxspring.write.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A consistent snapshot of a writer's line counts: {@code offered = written + failed + dropped +
 * buffered} always holds.
 *
 * @param offered lines accepted by write methods
 * @param written lines acknowledged by the server
 * @param failed lines rejected by the server or out of retries
 * @param dropped lines dropped on overflow, close or dispose
 * @param buffered lines not yet resolved: open batch, queued, in flight and waiting for retry
 * @param retrying lines of {@code buffered} waiting for a retry
 * @param inFlightRequests write requests sent and not yet answered
 * @param retries requests retried so far
 * @param lastFailureTime when a request last failed, or {@code null}
 * @param lastFailureMessage why it failed (no credentials), or {@code null}
 * @param lastSuccessTime when a request last succeeded, or {@code null}
 */
public record WriteStatistics(long offered, long written, long failed, long dropped, long buffered, long retrying,
		int inFlightRequests, long retries, @Nullable Instant lastFailureTime, @Nullable String lastFailureMessage,
		@Nullable Instant lastSuccessTime) {
}
