package io.influxspring.write;

/**
 * Lines acknowledged by the server.
 * @param lines the lines
 * @param attempt 1 for the first request, 2 for the first retry, ...
 * @param statusCode the HTTP status of the response
 *
 * @since 0.1.0
 */
public record WriteSuccess(LineBatch lines, int attempt, int statusCode) {
}
