package io.influxspring.autoconfigure;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.influxspring.mapping.MeasurementMapper;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.BatchingWriteApiBuilder;
import io.influxspring.write.spool.SpoolLockedException;
import io.influxspring.write.spool.SpoolSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Makes writers for the configured server: the auto-configured one, and more for other buckets
 * (v2) or databases (v1, v3), each with its own precision, options and default tags. All share one
 * {@link WebClient}, so one connection pool, and are closed with the context. Declare the extra ones
 * as beans of type {@link BucketWriteApi} to give them health indicators and meters. Every
 * {@link InfluxWriteApiBuilderCustomizer} bean is applied to each writer made here:
 *
 * <pre>{@code
 * @Bean
 * BucketWriteApi auditWriteApi(InfluxWriteApiFactory factory) {
 *     return factory.create((spec) -> spec.bucket("audit").options((o) -> o.batchSize(100)));
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public class InfluxWriteApiFactory {

	private final Supplier<WebClient> webClients;

	private volatile WebClient webClient;

	/** Every writer built here, the default one included, to renew their client after a restart. */
	private final Set<BatchingWriteApi> built = Collections.newSetFromMap(new WeakHashMap<>());

	private final InfluxConnectionDetails connectionDetails;

	private final InfluxProperties properties;

	private final List<WriteListener> listeners;

	private final MeasurementMapper mapper;

	private final List<InfluxWriteApiBuilderCustomizer> customizers;

	private final List<BucketWriteApi> created = new CopyOnWriteArrayList<>();

	private final List<Consumer<BucketWriteApi>> creationListeners = new CopyOnWriteArrayList<>();

	private final List<Consumer<BucketWriteApi>> releaseListeners = new CopyOnWriteArrayList<>();

	InfluxWriteApiFactory(Supplier<WebClient> webClients, InfluxConnectionDetails connectionDetails,
			InfluxProperties properties, List<WriteListener> listeners, MeasurementMapper mapper,
			List<InfluxWriteApiBuilderCustomizer> customizers) {
		this.webClients = webClients;
		this.webClient = webClients.get();
		this.connectionDetails = connectionDetails;
		this.properties = properties;
		this.listeners = listeners;
		this.mapper = mapper;
		this.customizers = customizers;
	}

	/** The writer configured by {@code influx.*}. */
	BatchingWriteApi createDefault() {
		InfluxWriteTarget target = InfluxWriteTarget.of(this.connectionDetails, this.properties);
		BatchingWriteApiBuilder builder = builder(target, InfluxWriteOptions.of(this.properties),
				this.properties.getDefaultTags());
		return remember(build(spool(builder, this.properties.getWrite().getSpool().getDirectory())));
	}

	/** Builds a new client for the writers made here and those to come (after a restart of the context). */
	WebClient renewWebClient() {
		this.webClient = this.webClients.get();
		return this.webClient;
	}

	/** Whether the writer was built here (for a {@link BucketWriteApi}, the writer it delegates to). */
	boolean isBuiltHere(BatchingWriteApi writeApi) {
		synchronized (this.built) {
			return this.built.contains(writeApi);
		}
	}

	private BatchingWriteApi remember(BatchingWriteApi writeApi) {
		synchronized (this.built) {
			this.built.add(writeApi);
		}
		return writeApi;
	}

	/** A writer for another bucket (v2) or database (v1, v3), otherwise configured like the default one. */
	public BucketWriteApi create(String bucket) {
		return create((spec) -> spec.bucket(bucket));
	}

	/** A writer configured from the defaults by {@code customizer}; its bucket (or database) is required. */
	public BucketWriteApi create(Consumer<Spec> customizer) {
		Spec spec = new Spec(this.properties);
		customizer.accept(spec);
		String bucket = Objects.requireNonNull(spec.bucket, "A bucket (or database) is required");
		WriteOptions options = spec.options.apply(InfluxWriteOptions.of(this.properties).toBuilder())
			.precision(spec.precision)
			.build();
		InfluxWriteTarget target = InfluxWriteTarget.of(this.connectionDetails, this.properties, bucket,
				spec.retentionPolicy, spec.precision);
		String name = (spec.name != null) ? spec.name : bucket;
		BatchingWriteApi built = build(spool(builder(target, options, spec.defaultTags), spec.spoolDirectory));
		BucketWriteApi writeApi = new BucketWriteApi(remember(built), bucket, name, this::release);
		this.created.add(writeApi);
		this.creationListeners.forEach((listener) -> listener.accept(writeApi));
		return writeApi;
	}

	private void release(BucketWriteApi writeApi) {
		if (this.created.remove(writeApi)) {
			this.releaseListeners.forEach((listener) -> listener.accept(writeApi));
		}
	}

	/** The writers {@link #create} has made that are not closed or disposed yet. */
	public List<BucketWriteApi> getCreated() {
		return List.copyOf(this.created);
	}

	/** Calls {@code listener} with every writer {@link #create} makes from now on. */
	public void onCreate(Consumer<BucketWriteApi> listener) {
		this.creationListeners.add(listener);
	}

	/**
	 * Calls {@code listener} with every writer {@link #create} made once it is closed or disposed,
	 * so that what refers to it (its meters) can let it go.
	 */
	public void onRelease(Consumer<BucketWriteApi> listener) {
		this.releaseListeners.add(listener);
	}

	private BatchingWriteApiBuilder builder(InfluxWriteTarget target, WriteOptions options, Map<String, String> tags) {
		BatchingWriteApiBuilder builder = BatchingWriteApi.builder(this.webClient, target.baseUrl())
			.options(options)
			.mapper(this.mapper)
			.path(target.path())
			.authorization(target.authorization())
			.defaultTags(tags);
		this.listeners.forEach(builder::listener);
		this.customizers.forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	/** Sets the writer's spool up in {@code directory}, if any, with {@code influx.write.spool.*}. */
	private BatchingWriteApiBuilder spool(BatchingWriteApiBuilder builder, @Nullable Path directory) {
		if (directory != null) {
			InfluxProperties.Write.Spool spool = this.properties.getWrite().getSpool();
			builder.spool(directory, SpoolSettings.defaults()
				.withFsync(spool.isFsync())
				.withMaxSize(spool.getMaxSize().toBytes()));
		}
		return builder;
	}

	/** Builds a writer; a spool directory another process or writer holds fails naming the property. */
	private static BatchingWriteApi build(BatchingWriteApiBuilder builder) {
		try {
			return builder.build();
		}
		catch (SpoolLockedException ex) {
			throw new InfluxConfigurationException("influx.write.spool.directory", ex.getDirectory(),
					"Another process or writer uses this spool directory",
					"Give every application instance and every writer a directory of its own (an additional writer names it in its spec).");
		}
	}

	/** What sets an extra writer apart from the default one. */
	public static final class Spec {

		private @Nullable String bucket;

		private @Nullable String name;

		private @Nullable String retentionPolicy;

		private @Nullable Path spoolDirectory;

		private WritePrecision precision;

		private UnaryOperator<WriteOptions.Builder> options = UnaryOperator.identity();

		private Map<String, String> defaultTags;

		private Spec(InfluxProperties properties) {
			this.retentionPolicy = properties.getRetentionPolicy();
			this.precision = properties.getPrecision();
			this.defaultTags = properties.getDefaultTags();
		}

		/** The bucket (v2) or database (v1, v3) to write to. */
		public Spec bucket(String bucket) {
			this.bucket = bucket;
			return this;
		}

		/**
		 * The name the writer's meters are tagged with ({@code writer}); its bucket when not given.
		 * Two writers alive at once with one name are told apart by a suffix ({@code -2}, {@code -3}).
		 */
		public Spec name(String name) {
			this.name = name;
			return this;
		}

		/** Spools this writer's batches in {@code directory}, its own (with {@code influx.write.spool.*} settings). */
		public Spec spoolDirectory(@Nullable Path directory) {
			this.spoolDirectory = directory;
			return this;
		}

		/** The retention policy (v1). */
		public Spec retentionPolicy(@Nullable String retentionPolicy) {
			this.retentionPolicy = retentionPolicy;
			return this;
		}

		/** The precision of timestamps. */
		public Spec precision(WritePrecision precision) {
			this.precision = precision;
			return this;
		}

		/** Changes the write options, starting from those of {@code influx.write.*}. */
		public Spec options(UnaryOperator<WriteOptions.Builder> options) {
			this.options = options;
			return this;
		}

		/** Replaces the default tags of {@code influx.default-tags}. */
		public Spec defaultTags(Map<String, String> defaultTags) {
			this.defaultTags = defaultTags;
			return this;
		}

	}

}
