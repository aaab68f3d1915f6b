package io.influxspring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.influxspring.write.OverflowPolicy;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for writing to InfluxDB.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("influx")
public class InfluxProperties {

	/**
	 * Base URL of the InfluxDB server, e.g. http://localhost:8086.
	 */
	private @Nullable String url;

	/**
	 * API token, sent as 'Authorization: Token' (v2) or 'Bearer' (v3).
	 */
	private @Nullable String token;

	/**
	 * Organization name to write to (v2).
	 */
	private @Nullable String org;

	/**
	 * Organization ID to write to (v2), instead of the organization name.
	 */
	private @Nullable String orgId;

	/**
	 * Bucket to write to (v2).
	 */
	private @Nullable String bucket;

	/**
	 * Precision of the timestamps written.
	 */
	private WritePrecision precision = WritePrecision.NS;

	/**
	 * Write API of the server: v2 (/api/v2/write), v1 (/write) or v3 (/api/v3/write_lp).
	 */
	private ApiVersion apiVersion = ApiVersion.V2;

	/**
	 * User name for v1 authentication (HTTP Basic).
	 */
	private @Nullable String username;

	/**
	 * Password for v1 authentication (HTTP Basic).
	 */
	private @Nullable String password;

	/**
	 * Database to write to (v1 and v3).
	 */
	private @Nullable String database;

	/**
	 * Retention policy to write to (v1).
	 */
	private @Nullable String retentionPolicy;

	/**
	 * Tags added to every point written (not to raw records).
	 */
	private Map<String, String> defaultTags = new LinkedHashMap<>();

	/**
	 * Timeout for establishing a connection to the server.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Timeout for the server's response to a write request.
	 */
	private Duration responseTimeout = Duration.ofSeconds(10);

	private final Write write = new Write();

	private final Mapping mapping = new Mapping();

	private final Ssl ssl = new Ssl();

	private final Events events = new Events();

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public @Nullable String getOrg() {
		return this.org;
	}

	public void setOrg(@Nullable String org) {
		this.org = org;
	}

	public @Nullable String getOrgId() {
		return this.orgId;
	}

	public void setOrgId(@Nullable String orgId) {
		this.orgId = orgId;
	}

	public @Nullable String getBucket() {
		return this.bucket;
	}

	public void setBucket(@Nullable String bucket) {
		this.bucket = bucket;
	}

	public WritePrecision getPrecision() {
		return this.precision;
	}

	public void setPrecision(WritePrecision precision) {
		this.precision = precision;
	}

	public ApiVersion getApiVersion() {
		return this.apiVersion;
	}

	public void setApiVersion(ApiVersion apiVersion) {
		this.apiVersion = apiVersion;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getDatabase() {
		return this.database;
	}

	public void setDatabase(@Nullable String database) {
		this.database = database;
	}

	public @Nullable String getRetentionPolicy() {
		return this.retentionPolicy;
	}

	public void setRetentionPolicy(@Nullable String retentionPolicy) {
		this.retentionPolicy = retentionPolicy;
	}

	public Map<String, String> getDefaultTags() {
		return this.defaultTags;
	}

	public void setDefaultTags(Map<String, String> defaultTags) {
		this.defaultTags = defaultTags;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public Write getWrite() {
		return this.write;
	}

	public Mapping getMapping() {
		return this.mapping;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	/** TLS of the connection to the server. */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) that holds the trust material and client certificate.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	public Events getEvents() {
		return this.events;
	}

	/** Write signals published as application events. */
	public static class Events {

		/**
		 * Whether write failures, retries and drops are published as application events.
		 */
		private boolean enabled = true;

		/**
		 * Whether successful writes are published as application events too (one per request).
		 */
		private boolean publishSuccesses;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isPublishSuccesses() {
			return this.publishSuccesses;
		}

		public void setPublishSuccesses(boolean publishSuccesses) {
			this.publishSuccesses = publishSuccesses;
		}

	}

	/** Mapping of {@code @InfluxMeasurement} types. */
	public static class Mapping {

		/**
		 * Whether to check every @InfluxMeasurement type in the application's packages at startup.
		 */
		private boolean validateOnStartup = true;

		public boolean isValidateOnStartup() {
			return this.validateOnStartup;
		}

		public void setValidateOnStartup(boolean validateOnStartup) {
			this.validateOnStartup = validateOnStartup;
		}

	}

	/** The write API a server offers. */
	public enum ApiVersion {

		/** InfluxDB 1.x: {@code /write?db=&rp=&precision=}, user name and password. */
		V1,

		/** InfluxDB 2.x and compatible servers: {@code /api/v2/write?org=&bucket=&precision=}, token. */
		V2,

		/** InfluxDB 3: {@code /api/v3/write_lp?db=&precision=}, token. */
		V3

	}

	/** Batching, buffering and retries. */
	public static class Write {

		/**
		 * Maximum number of lines in one write request.
		 */
		private int batchSize = 5000;

		/**
		 * Maximum size of the line protocol in one write request.
		 */
		private DataSize maxBatchBytes = DataSize.ofMegabytes(4);

		/**
		 * Longest time a line waits in the current batch before it is sent.
		 */
		private Duration flushInterval = Duration.ofSeconds(1);

		/**
		 * Random extra delay, up to this, added to each flush interval.
		 */
		private Duration jitter = Duration.ZERO;

		/**
		 * Maximum number of lines held in memory: current batch, queued, in flight and waiting for retry.
		 */
		private int bufferLimit = 100_000;

		/**
		 * Maximum size of the line protocol held in memory, beside buffer-limit and under the same overflow policy.
		 */
		private DataSize bufferMemory = DataSize.ofMegabytes(64);

		/**
		 * What a write does when the buffer is full: backpressure, drop-oldest, drop-newest or block.
		 */
		private OverflowPolicy overflow = OverflowPolicy.BACKPRESSURE;

		/**
		 * How long a write waits for room in the buffer with the backpressure and block overflow policies.
		 */
		private Duration blockTimeout = Duration.ofSeconds(10);

		/**
		 * Maximum number of write requests in flight at once.
		 */
		private int maxConcurrentRequests = 2;

		/**
		 * Request bodies larger than this are sent gzip-compressed.
		 */
		private DataSize gzipThreshold = DataSize.ofBytes(1000);

		/**
		 * How long closing the writer waits for buffered lines to be written.
		 */
		private Duration closeTimeout = Duration.ofSeconds(30);

		/**
		 * Whether an InfluxDB 3 server keeps the valid lines of a request with invalid ones (v3).
		 */
		private boolean acceptPartial = true;

		/**
		 * Whether an InfluxDB 3 server acknowledges writes before they reach its write-ahead log (v3).
		 */
		private boolean noSync;

		/**
		 * Whether points and measurements without a time are stamped with the application's clock when written.
		 */
		private boolean clientTimestamps = true;

		/**
		 * Rules names and values are escaped and checked by: influxdb (InfluxDB 1.x, 2.x and 3.x) or portable.
		 */
		private LineProtocolDialect lineProtocol = LineProtocolDialect.INFLUXDB;

		private final Retry retry = new Retry();

		private final Spool spool = new Spool();

		public Spool getSpool() {
			return this.spool;
		}

		public boolean isClientTimestamps() {
			return this.clientTimestamps;
		}

		public void setClientTimestamps(boolean clientTimestamps) {
			this.clientTimestamps = clientTimestamps;
		}

		public LineProtocolDialect getLineProtocol() {
			return this.lineProtocol;
		}

		public void setLineProtocol(LineProtocolDialect lineProtocol) {
			this.lineProtocol = lineProtocol;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public DataSize getMaxBatchBytes() {
			return this.maxBatchBytes;
		}

		public void setMaxBatchBytes(DataSize maxBatchBytes) {
			this.maxBatchBytes = maxBatchBytes;
		}

		public Duration getFlushInterval() {
			return this.flushInterval;
		}

		public void setFlushInterval(Duration flushInterval) {
			this.flushInterval = flushInterval;
		}

		public Duration getJitter() {
			return this.jitter;
		}

		public void setJitter(Duration jitter) {
			this.jitter = jitter;
		}

		public int getBufferLimit() {
			return this.bufferLimit;
		}

		public void setBufferLimit(int bufferLimit) {
			this.bufferLimit = bufferLimit;
		}

		public DataSize getBufferMemory() {
			return this.bufferMemory;
		}

		public void setBufferMemory(DataSize bufferMemory) {
			this.bufferMemory = bufferMemory;
		}

		public OverflowPolicy getOverflow() {
			return this.overflow;
		}

		public void setOverflow(OverflowPolicy overflow) {
			this.overflow = overflow;
		}

		public Duration getBlockTimeout() {
			return this.blockTimeout;
		}

		public void setBlockTimeout(Duration blockTimeout) {
			this.blockTimeout = blockTimeout;
		}

		public int getMaxConcurrentRequests() {
			return this.maxConcurrentRequests;
		}

		public void setMaxConcurrentRequests(int maxConcurrentRequests) {
			this.maxConcurrentRequests = maxConcurrentRequests;
		}

		public DataSize getGzipThreshold() {
			return this.gzipThreshold;
		}

		public void setGzipThreshold(DataSize gzipThreshold) {
			this.gzipThreshold = gzipThreshold;
		}

		public Duration getCloseTimeout() {
			return this.closeTimeout;
		}

		public void setCloseTimeout(Duration closeTimeout) {
			this.closeTimeout = closeTimeout;
		}

		public boolean isAcceptPartial() {
			return this.acceptPartial;
		}

		public void setAcceptPartial(boolean acceptPartial) {
			this.acceptPartial = acceptPartial;
		}

		public boolean isNoSync() {
			return this.noSync;
		}

		public void setNoSync(boolean noSync) {
			this.noSync = noSync;
		}

		public Retry getRetry() {
			return this.retry;
		}

		/** The durable spool, bound to {@code influx.write.spool.*}. */
		public static class Spool {

			/**
			 * Directory the writer keeps every batch in until it is written, failed or dropped; off when not set.
			 */
			private @Nullable Path directory;

			/**
			 * Whether each batch is forced to disk before it is sent, so that a crash loses at most the open batch.
			 */
			private boolean fsync = true;

			/**
			 * Maximum size of the batches kept in the spool; beyond it the oldest are dropped.
			 */
			private DataSize maxSize = DataSize.ofGigabytes(1);

			public @Nullable Path getDirectory() {
				return this.directory;
			}

			public void setDirectory(@Nullable Path directory) {
				this.directory = directory;
			}

			public boolean isFsync() {
				return this.fsync;
			}

			public void setFsync(boolean fsync) {
				this.fsync = fsync;
			}

			public DataSize getMaxSize() {
				return this.maxSize;
			}

			public void setMaxSize(DataSize maxSize) {
				this.maxSize = maxSize;
			}

		}

		/** Retries of failed write requests, bound to {@code influx.write.retry.*}. */
		@SuppressWarnings("deprecation")
		public static class Retry extends InfluxProperties.Retry {

			/**
			 * Maximum number of retries of one request after its first attempt.
			 */
			private int maxRetries = 5;

			/**
			 * Delay before the first retry; later delays grow by the exponential base.
			 */
			private Duration minDelay = Duration.ofSeconds(5);

			/**
			 * Longest delay between two attempts; also caps the server's Retry-After.
			 */
			private Duration maxDelay = Duration.ofSeconds(125);

			/**
			 * Factor by which the retry delay grows with each attempt.
			 */
			private double exponentialBase = 2;

			/**
			 * Random extra delay, up to this, added to each retry delay.
			 */
			private Duration jitter = Duration.ofMillis(200);

			/**
			 * No retry is made later than this after the first attempt.
			 */
			private Duration maxRetryTime = Duration.ofSeconds(180);

			public int getMaxRetries() {
				return this.maxRetries;
			}

			public void setMaxRetries(int maxRetries) {
				this.maxRetries = maxRetries;
			}

			public Duration getMinDelay() {
				return this.minDelay;
			}

			public void setMinDelay(Duration minDelay) {
				this.minDelay = minDelay;
			}

			public Duration getMaxDelay() {
				return this.maxDelay;
			}

			public void setMaxDelay(Duration maxDelay) {
				this.maxDelay = maxDelay;
			}

			public double getExponentialBase() {
				return this.exponentialBase;
			}

			public void setExponentialBase(double exponentialBase) {
				this.exponentialBase = exponentialBase;
			}

			public Duration getJitter() {
				return this.jitter;
			}

			public void setJitter(Duration jitter) {
				this.jitter = jitter;
			}

			public Duration getMaxRetryTime() {
				return this.maxRetryTime;
			}

			public void setMaxRetryTime(Duration maxRetryTime) {
				this.maxRetryTime = maxRetryTime;
			}

		}

	}

	/**
	 * Where {@link Write.Retry} was declared before it was nested in {@link Write}; kept so that code
	 * naming this type still compiles.
	 * @deprecated since 0.1.0 for {@link Write.Retry}
	 */
	@Deprecated(since = "0.1.0")
	public abstract static class Retry {

		public abstract int getMaxRetries();

		public abstract void setMaxRetries(int maxRetries);

		public abstract Duration getMinDelay();

		public abstract void setMinDelay(Duration minDelay);

		public abstract Duration getMaxDelay();

		public abstract void setMaxDelay(Duration maxDelay);

		public abstract double getExponentialBase();

		public abstract void setExponentialBase(double exponentialBase);

		public abstract Duration getJitter();

		public abstract void setJitter(Duration jitter);

		public abstract Duration getMaxRetryTime();

		public abstract void setMaxRetryTime(Duration maxRetryTime);

	}

}
