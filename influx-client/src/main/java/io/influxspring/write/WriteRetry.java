package io.influxspring.write;

import java.time.Duration;

/**
 * A request that failed and will be sent again.
 * @param lines the lines of the request
 * @param attempt the attempt that failed (1 for the first request)
 * @param delay how long until the next attempt
 * @param reason why the attempt failed
 *
 * @since 0.1.0
 */
public record WriteRetry(LineBatch lines, int attempt, Duration delay, InfluxWriteException reason) {
}
