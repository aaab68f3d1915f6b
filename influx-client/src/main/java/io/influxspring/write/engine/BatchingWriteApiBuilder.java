package io.influxspring.write.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.influxspring.mapping.MeasurementMapper;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.WriteTarget;
import io.influxspring.write.spool.SpoolSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a {@link BatchingWriteApi}; see {@link BatchingWriteApi#builder(WebClient, String)}.
 *
 * @since 0.1.0
 */
public final class BatchingWriteApiBuilder {

	final WebClient webClient;

	final String baseUrl;

	WriteOptions options = WriteOptions.DEFAULTS;

	String path = "/api/v2/write?precision=ns";

	@Nullable String authorization;

	Map<String, String> defaultTags = Map.of();

	final List<WriteListener> listeners = new ArrayList<>();

	String threadName = "influx-write";

	MeasurementMapper mapper = new MeasurementMapper();

	Clock clock = Clock.systemUTC();

	@Nullable Path spoolDirectory;

	SpoolSettings spoolSettings = SpoolSettings.defaults();

	/** The precision of the target whose path is set, or {@code null} for a path set directly. */
	@Nullable WritePrecision targetPrecision;

	BatchingWriteApiBuilder(WebClient webClient, String baseUrl) {
		this.webClient = Objects.requireNonNull(webClient, "WebClient must not be null");
		this.baseUrl = Objects.requireNonNull(baseUrl, "Base URL must not be null");
	}

	public BatchingWriteApiBuilder options(WriteOptions options) {
		this.options = Objects.requireNonNull(options, "Options must not be null");
		return this;
	}

	/** The path and query of write requests, e.g. {@code /api/v2/write?org=o&bucket=b&precision=ns}. */
	public BatchingWriteApiBuilder path(String path) {
		this.path = Objects.requireNonNull(path, "Path must not be null");
		this.targetPrecision = null;
		return this;
	}

	/** The {@code Authorization} header value, e.g. {@code Token xyz}; never logged. */
	public BatchingWriteApiBuilder authorization(@Nullable String authorization) {
		this.authorization = authorization;
		return this;
	}

	public BatchingWriteApiBuilder defaultTags(Map<String, String> defaultTags) {
		this.defaultTags = Objects.requireNonNull(defaultTags, "Default tags must not be null");
		return this;
	}

	public BatchingWriteApiBuilder listener(WriteListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "Listener must not be null"));
		return this;
	}

	/** The mapper of {@code @InfluxMeasurement} objects. */
	public BatchingWriteApiBuilder mapper(MeasurementMapper mapper) {
		this.mapper = Objects.requireNonNull(mapper, "Mapper must not be null");
		return this;
	}

	/** The clock that stamps points without a time (with client timestamps on); the system's by default. */
	public BatchingWriteApiBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "Clock must not be null");
		return this;
	}

	/**
	 * Keeps every sealed batch in a spool in {@code directory} (one per writer) until it is written,
	 * failed or dropped: batches found there at start are sent first, and while it is on a batch the
	 * server keeps refusing with a retryable error is retried at the max retry delay for ever.
	 * @since 0.1.0
	 */
	public BatchingWriteApiBuilder spool(Path directory, SpoolSettings settings) {
		this.spoolDirectory = Objects.requireNonNull(directory, "Spool directory must not be null");
		this.spoolSettings = Objects.requireNonNull(settings, "Spool settings must not be null");
		return this;
	}

	/** The name of the writer thread. */
	public BatchingWriteApiBuilder threadName(String threadName) {
		this.threadName = threadName;
		return this;
	}

	/**
	 * @throws IllegalArgumentException if a {@link #target(WriteTarget) target} and the options name
	 * different precisions (the server would read every timestamp wrong)
	 */
	public BatchingWriteApi build() {
		if (this.targetPrecision != null && this.targetPrecision != this.options.precision()) {
			throw new IllegalArgumentException("The target reads timestamps in " + this.targetPrecision
					+ " but the options write them in " + this.options.precision() + "; set WriteOptions.precision("
					+ this.targetPrecision + ")");
		}
		return new BatchingWriteApi(this);
	}

	/**
	 * The path, query and {@code Authorization} header of {@code target}; the base URL is the one given
	 * to {@link BatchingWriteApi#builder(WebClient, String)}, normally {@code target.baseUrl()}.
	 * @since 0.1.0
	 */
	public BatchingWriteApiBuilder target(WriteTarget target) {
		Objects.requireNonNull(target, "Target must not be null");
		path(target.path()).authorization(target.authorization());
		this.targetPrecision = target.precision();
		return this;
	}

}
