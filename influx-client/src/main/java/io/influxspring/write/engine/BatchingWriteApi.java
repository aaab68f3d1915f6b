package io.influxspring.write.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import io.influxspring.mapping.MeasurementMapper;
import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;
import io.influxspring.write.WriteClock;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.lineprotocol.TagSet;
import io.influxspring.write.spool.BatchSpool;
import io.influxspring.write.spool.SpoolEntry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@link WriteApi}: callers encode into a per-thread buffer and append whole lines to the
 * {@link LineAccumulator} under a short lock; on one writer thread per instance, a
 * {@link Dispatcher} seals, sends and settles batches and calls listeners. Build one with
 * {@link #builder(WebClient, String)}.
 *
 * @since 0.1.0
 */
public final class BatchingWriteApi implements WriteApi {

	private static final Log logger = LogFactory.getLog(BatchingWriteApi.class);

	private final WriteOptions options;

	private final WriteListeners listeners;

	private final LineAccumulator accumulator;

	private final BatchSender sender;

	private final Dispatcher dispatcher;

	private final MeasurementMapper mapper;

	private final @Nullable WriteClock clock;

	private final WriterLifecycle lifecycle;

	private volatile TagSet defaultTags;

	BatchingWriteApi(BatchingWriteApiBuilder builder) {
		this.options = builder.options;
		this.listeners = new WriteListeners();
		builder.listeners.forEach(this.listeners::add);
		this.accumulator = new LineAccumulator(this.options);
		this.sender = new BatchSender(builder.webClient, builder.baseUrl, builder.authorization,
				this.options.gzipThreshold(), this.options.requestTimeout());
		this.sender.checkPath(builder.path);
		this.mapper = builder.mapper;
		this.clock = this.options.clientTimestamps() ? WriteClock.of(builder.clock, this.options.precision()) : null;
		this.defaultTags = TagSet.of(builder.defaultTags, this.options.lineProtocol());
		this.dispatcher = new Dispatcher(this.accumulator, this.sender, this.listeners, this.options, builder.path,
				builder.threadName, openSpool(builder, this.accumulator));
		this.lifecycle = new WriterLifecycle(this.accumulator, this.dispatcher, this.options);
		this.dispatcher.start();
	}

	/**
	 * Opens the spool, if any, and queues what it holds from before.
	 * @throws IllegalStateException if it cannot be opened or another process or writer uses it
	 */
	private static @Nullable SpoolKeeper openSpool(BatchingWriteApiBuilder builder, LineAccumulator accumulator) {
		Path directory = builder.spoolDirectory;
		if (directory == null) {
			return null;
		}
		BatchSpool spool;
		try {
			spool = BatchSpool.open(directory, builder.spoolSettings);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot open the spool in " + directory + ": " + ex.getMessage(), ex);
		}
		List<SpoolEntry> recovered = spool.recovered();
		if (!recovered.isEmpty() || spool.skippedRecords() > 0) {
			long lines = recovered.stream().mapToLong(SpoolEntry::lineCount).sum();
			logger.info("Sending again " + lines + " lines (" + recovered.size() + " batches) found in the spool in "
					+ directory + ((spool.skippedRecords() > 0)
							? "; " + spool.skippedRecords() + " torn or corrupt records were skipped" : ""));
		}
		accumulator.change((ledger) -> recovered.forEach(ledger::replay), false);
		return new SpoolKeeper(spool, directory, accumulator);
	}

	/**
	 * A builder for a writer that posts to {@code baseUrl} (scheme, host, port, optional context path)
	 * with the given client.
	 */
	public static BatchingWriteApiBuilder builder(WebClient webClient, String baseUrl) {
		return new BatchingWriteApiBuilder(webClient, baseUrl);
	}

	@Override
	public void writeRecord(String record) {
		EncodedLines lines = start();
		try {
			lines.appendRecord(record);
			offer(lines);
		}
		finally {
			lines.release();
		}
	}

	@Override
	public void writeRecords(Iterable<String> records) {
		writeAll(records, (record, lines) -> lines.appendRecord(record));
	}

	@Override
	public void writeRecords(String... records) {
		writeRecords(Arrays.asList(records));
	}

	@Override
	public void writePoint(Point point) {
		EncodedLines lines = start();
		try {
			point.appendTo(lines.buffer, this.options.precision(), this.defaultTags, this.clock);
			lines.endLine();
			offer(lines);
		}
		finally {
			lines.release();
		}
	}

	@Override
	public void writePoints(Iterable<Point> points) {
		WritePrecision precision = this.options.precision();
		TagSet tags = this.defaultTags;
		WriteClock pointClock = this.clock;
		writeAll(points, (point, lines) -> {
			point.appendTo(lines.buffer, precision, tags, pointClock);
			lines.endLine();
		});
	}

	@Override
	public void writePoints(Point... points) {
		writePoints(Arrays.asList(points));
	}

	@Override
	public void writeMeasurement(Object measurement) {
		EncodedLines lines = start();
		try {
			this.mapper.appendTo(measurement, lines.buffer, this.options.precision(), this.defaultTags, this.clock);
			lines.endLine();
			offer(lines);
		}
		finally {
			lines.release();
		}
	}

	@Override
	public void writeMeasurements(Iterable<?> measurements) {
		WritePrecision precision = this.options.precision();
		TagSet tags = this.defaultTags;
		WriteClock measurementClock = this.clock;
		writeAll(measurements, (measurement, lines) -> {
			this.mapper.appendTo(measurement, lines.buffer, precision, tags, measurementClock);
			lines.endLine();
		});
	}

	/**
	 * Encodes items one by one, handing lines over in chunks; on a failure the lines encoded before
	 * it are still handed over. A write nested in another on the same thread (from a getter, a lazy
	 * iterable) encodes into lines of its own.
	 */
	private <T> void writeAll(Iterable<? extends T> items, BiConsumer<T, EncodedLines> encoder) {
		EncodedLines lines = start();
		try {
			for (T item : items) {
				try {
					encoder.accept(item, lines);
				}
				catch (Throwable ex) {
					offer(lines);
					throw ex;
				}
				if (lines.isChunkFull()) {
					offer(lines);
					lines.reset();
				}
			}
			offer(lines);
		}
		finally {
			lines.release();
		}
	}

	@Override
	public WriteApi useDefaultTags(Map<String, String> tags) {
		this.defaultTags = TagSet.of(tags, this.options.lineProtocol());
		return this;
	}

	/** Adds a listener for what happens to written lines. */
	public void addListener(WriteListener listener) {
		this.listeners.add(listener);
	}

	/** Removes a listener added before. */
	public void removeListener(WriteListener listener) {
		this.listeners.remove(listener);
	}

	/** A consistent snapshot of this writer's line counts. */
	public WriteStatistics getStatistics() {
		WriteStatistics statistics = this.accumulator.statistics();
		return this.dispatcher.hasSpool() ? statistics.withSpool(this.dispatcher.spooledLines(),
				this.dispatcher.spooledBytes(), this.dispatcher.spoolSkipped()) : statistics;
	}

	/** The options this writer was built with. */
	public WriteOptions getOptions() {
		return this.options;
	}

	/**
	 * Asks the server for {@code GET /ping} with the writer's client and credentials.
	 * @return the answer, or an error when there is none within {@code timeout}
	 */
	public Mono<ServerPing> ping(Duration timeout) {
		return this.sender.ping(timeout);
	}

	/** The server's base URL (never carries credentials). */
	public String getUrl() {
		return this.sender.baseUrl();
	}

	@Override
	public CompletableFuture<Void> flush() {
		return flush(false);
	}

	@Override
	public CompletableFuture<Void> flush(boolean withRetryBuffer) {
		return this.lifecycle.flush(withRetryBuffer);
	}

	/**
	 * Delivers what is buffered, waiting at most the close timeout, then stops sending until
	 * {@link #resume()}: writes are still taken and kept (under the overflow policy, without waiting
	 * for room). For a stopped application context; {@link #close()} while suspended ends at once.
	 * @since 0.1.0
	 */
	public void suspend() {
		this.lifecycle.suspend();
	}

	/**
	 * Sends again after {@link #suspend()}, starting with the lines kept meanwhile.
	 * @since 0.1.0
	 */
	public void resume() {
		this.lifecycle.resume();
	}

	/**
	 * Like {@link #resume()}, sending with {@code webClient} from now on: after a restart of the
	 * context, the client built before holds Reactor Netty resources that were released.
	 * @since 0.1.0
	 */
	public void resume(WebClient webClient) {
		this.sender.webClient(Objects.requireNonNull(webClient, "WebClient must not be null"));
		resume();
	}

	@Override
	public void close() {
		this.lifecycle.close();
	}

	@Override
	public int dispose() {
		return this.lifecycle.dispose();
	}

	@Override
	public String getPath() {
		return this.dispatcher.path();
	}

	/**
	 * {@inheritDoc}
	 * @throws IllegalArgumentException unless {@code path} is a path and query on this writer's server
	 */
	@Override
	public void setPath(String path) {
		this.sender.checkPath(path);
		this.dispatcher.path(path);
	}

	private EncodedLines start() {
		if (this.accumulator.state() != LineAccumulator.State.OPEN) {
			throw new IllegalStateException("The WriteApi is closed; it takes no more lines");
		}
		return EncodedLines.take(this.options);
	}

	/** Appends the lines; a line that must wait for room waits once the dispatcher was told. */
	private void offer(EncodedLines lines) {
		if (lines.count > 0) {
			lines.signal = false;
			int next = this.accumulator.append(lines);
			while (next < lines.count) {
				this.dispatcher.wakeUp();
				next = this.accumulator.awaitRoom(lines, next);
			}
			if (lines.signal) {
				this.dispatcher.wakeUp();
			}
		}
	}

	@Override
	public String toString() {
		return "BatchingWriteApi[" + this.sender.baseUrl() + this.dispatcher.path() + "]";
	}

}
