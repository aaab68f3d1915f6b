package io.influxspring.write;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A non-blocking, batching writer of InfluxDB line protocol.
 * <p>
 * Write methods encode on the calling thread into the current batch and return at once; batches are
 * sent in the background when full, after the flush interval, or on {@link #flush()}. Failed
 * requests are retried as configured; every line ends up written, failed (with the server's
 * reason) or dropped (buffer overflow, close, dispose), and listeners hear about each. Every method
 * is thread-safe. Writing after {@link #close()} or {@link #dispose()} throws
 * {@link IllegalStateException}.
 *
 * @since 0.1.0
 */
public interface WriteApi extends AutoCloseable {

	/** Writes one line of line protocol as is (one record is one line; a trailing line feed is removed). */
	void writeRecord(String record);

	/** Writes lines of line protocol as they are. */
	void writeRecords(Iterable<String> records);

	/** Writes lines of line protocol as they are. */
	void writeRecords(String... records);

	/**
	 * Writes a point, with the default tags added.
	 * @throws IllegalArgumentException if the point cannot be written exactly (nothing is written)
	 */
	void writePoint(Point point);

	/**
	 * Writes points, with the default tags added. Points are checked one by one: the points before an
	 * invalid one are written, and the {@link IllegalArgumentException} stops the rest.
	 */
	void writePoints(Iterable<Point> points);

	/** Writes points, with the default tags added. */
	void writePoints(Point... points);

	/**
	 * Writes an object of an {@code @InfluxMeasurement} type (see {@code io.influxspring.mapping}),
	 * with the default tags added.
	 * @throws IllegalArgumentException if the type is not mappable or the object cannot be written
	 */
	void writeMeasurement(Object measurement);

	/**
	 * Writes objects of {@code @InfluxMeasurement} types, with the default tags added. The objects
	 * before an invalid one are written, and the {@link IllegalArgumentException} stops the rest.
	 */
	void writeMeasurements(Iterable<?> measurements);

	/**
	 * Replaces the tags added to every point and measurement written from now on (raw records are
	 * left as they are);
	 * a tag of the point itself wins over a default tag of the same key.
	 * @return this
	 */
	WriteApi useDefaultTags(Map<String, String> tags);

	/** Sends the current batch; same as {@code flush(false)}. */
	CompletableFuture<Void> flush();

	/**
	 * Sends the current batch at once. The future completes when every line buffered before the call
	 * has been acknowledged by the server, or exceptionally with the reason when any of them failed
	 * or was dropped.
	 * @param withRetryBuffer also send the lines waiting for a retry now, instead of at their due time
	 */
	CompletableFuture<Void> flush(boolean withRetryBuffer);

	/**
	 * Flushes everything, including the retry buffer, waits up to the close timeout for in-flight
	 * requests and retries, then cancels what is left and reports it as dropped. Idempotent. A request
	 * cancelled in flight may already have reached the server, which may have stored its lines.
	 */
	@Override
	void close();

	/**
	 * Stops at once without flushing; buffered, in-flight and retrying lines are reported as dropped.
	 * A request cancelled in flight may already have reached the server, which may have stored its lines.
	 * @return the number of lines discarded
	 */
	int dispose();

	/** The HTTP path and query of write requests, e.g. {@code /api/v2/write?org=o&bucket=b&precision=ns}. */
	String getPath();

	/**
	 * Changes the HTTP path and query of write requests from the next request on. Timestamps are still
	 * encoded in the precision the writer was built with.
	 */
	void setPath(String path);

}
