package io.influxspring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.ServerPing;
import io.influxspring.write.engine.WriteStatistics;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * A writer for one more bucket (v2) or database (v1, v3), made by the {@link InfluxWriteApiFactory}:
 * a {@link BatchingWriteApi} ({@link #getWriteApi()}) with its bucket and name, to which every method
 * delegates. Declared as a bean, it is flushed and closed with the context, has its own health
 * indicator and meters tagged with its name and bucket, and leaves the auto-configured
 * {@code WriteApi} in place. Made at run time, it is released with its meters once closed or disposed.
 *
 * @since 0.1.0
 */
public class BucketWriteApi implements WriteApi {

	private final BatchingWriteApi writeApi;

	private final String bucket;

	private final String name;

	private final Consumer<BucketWriteApi> onRelease;

	BucketWriteApi(BatchingWriteApi writeApi, String bucket, String name, Consumer<BucketWriteApi> onRelease) {
		this.writeApi = writeApi;
		this.bucket = bucket;
		this.name = name;
		this.onRelease = onRelease;
	}

	/**
	 * The writer this one delegates to, for what takes a {@link BatchingWriteApi}.
	 * @since 0.1.0
	 */
	public BatchingWriteApi getWriteApi() {
		return this.writeApi;
	}

	/** The bucket or database this writer writes to. */
	public String getBucket() {
		return this.bucket;
	}

	/**
	 * The name its meters are tagged with ({@code writer}): the one given to its spec, or its bucket.
	 * @since 0.1.0
	 */
	public String getName() {
		return this.name;
	}

	@Override
	public void writeRecord(String record) {
		this.writeApi.writeRecord(record);
	}

	@Override
	public void writeRecords(Iterable<String> records) {
		this.writeApi.writeRecords(records);
	}

	@Override
	public void writeRecords(String... records) {
		this.writeApi.writeRecords(records);
	}

	@Override
	public void writePoint(Point point) {
		this.writeApi.writePoint(point);
	}

	@Override
	public void writePoints(Iterable<Point> points) {
		this.writeApi.writePoints(points);
	}

	@Override
	public void writePoints(Point... points) {
		this.writeApi.writePoints(points);
	}

	@Override
	public void writeMeasurement(Object measurement) {
		this.writeApi.writeMeasurement(measurement);
	}

	@Override
	public void writeMeasurements(Iterable<?> measurements) {
		this.writeApi.writeMeasurements(measurements);
	}

	/** {@inheritDoc} */
	@Override
	public BucketWriteApi useDefaultTags(Map<String, String> tags) {
		this.writeApi.useDefaultTags(tags);
		return this;
	}

	/** Adds a listener for what happens to written lines. */
	public void addListener(WriteListener listener) {
		this.writeApi.addListener(listener);
	}

	/** Removes a listener added before. */
	public void removeListener(WriteListener listener) {
		this.writeApi.removeListener(listener);
	}

	/** A consistent snapshot of this writer's line counts. */
	public WriteStatistics getStatistics() {
		return this.writeApi.getStatistics();
	}

	/** The options this writer was built with. */
	public WriteOptions getOptions() {
		return this.writeApi.getOptions();
	}

	/** Asks the server for {@code GET /ping}; see {@link BatchingWriteApi#ping(Duration)}. */
	public Mono<ServerPing> ping(Duration timeout) {
		return this.writeApi.ping(timeout);
	}

	/** The server's base URL (never carries credentials). */
	public String getUrl() {
		return this.writeApi.getUrl();
	}

	@Override
	public CompletableFuture<Void> flush() {
		return this.writeApi.flush();
	}

	@Override
	public CompletableFuture<Void> flush(boolean withRetryBuffer) {
		return this.writeApi.flush(withRetryBuffer);
	}

	/** Delivers what is buffered and stops sending; see {@link BatchingWriteApi#suspend()}. */
	public void suspend() {
		this.writeApi.suspend();
	}

	/** Sends again after {@link #suspend()}. */
	public void resume() {
		this.writeApi.resume();
	}

	/** Sends again after {@link #suspend()}, with {@code webClient} from now on. */
	public void resume(WebClient webClient) {
		this.writeApi.resume(webClient);
	}

	/** {@inheritDoc} Then releases this writer and its meters. */
	@Override
	public void close() {
		try {
			this.writeApi.close();
		}
		finally {
			this.onRelease.accept(this);
		}
	}

	/** {@inheritDoc} Then releases this writer and its meters. */
	@Override
	public int dispose() {
		try {
			return this.writeApi.dispose();
		}
		finally {
			this.onRelease.accept(this);
		}
	}

	@Override
	public String getPath() {
		return this.writeApi.getPath();
	}

	@Override
	public void setPath(String path) {
		this.writeApi.setPath(path);
	}

	@Override
	public String toString() {
		return this.writeApi.toString();
	}

}
