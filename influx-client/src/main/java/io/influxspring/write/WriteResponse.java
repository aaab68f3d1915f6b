package io.influxspring.write;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One write request and its answer, whatever became of its lines.
 * @param lines the number of lines in the request
 * @param statusCode the HTTP status, or 0 when there was no response (network error, timeout)
 * @param duration from sending the request to its outcome
 * @param error why it failed, or {@code null} when the server accepted every line
 *
 * @since 0.1.0
 */
public record WriteResponse(int lines, int statusCode, Duration duration, @Nullable InfluxWriteException error) {
}
