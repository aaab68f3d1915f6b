package io.influxspring.write;

import java.time.Duration;
import java.util.Objects;

import io.influxspring.write.lineprotocol.LineProtocolDialect;

/**
 * How a {@link WriteApi} batches, buffers and retries. Immutable; start from {@link #builder()}.
 *
 * @param precision precision of the timestamps written
 * @param batchSize most lines in one request
 * @param maxBatchBytes most bytes of line protocol in one request (a longer line is refused when written)
 * @param flushInterval longest time a line waits in the current batch before it is sent
 * @param jitter random extra delay, up to this, added to each flush interval
 * @param bufferLimit most lines held at once: current batch, queued, in flight and waiting for retry
 * @param overflow what a write does when the buffer is full
 * @param blockTimeout how long a write waits for room under {@link OverflowPolicy#BLOCK}
 * @param maxConcurrentRequests most requests in flight at once
 * @param gzipThreshold bodies larger than this many bytes are sent gzip-compressed
 * @param closeTimeout how long {@link WriteApi#close()} waits for lines to be written
 * @param maxRetries most retries of one batch after its first attempt
 * @param minRetryDelay delay before the first retry
 * @param maxRetryDelay longest delay between two attempts (also caps {@code Retry-After})
 * @param exponentialBase factor by which the delay grows with each retry
 * @param retryJitter random extra delay, up to this, added to each retry delay
 * @param maxRetryTime no retry is scheduled later than this after the first attempt
 * @param clientTimestamps whether points and measurements without a time are stamped with the writer's
 * clock when written (otherwise the server stamps them on arrival)
 * @param lineProtocol the rules names and values are escaped and checked by
 * @param requestTimeout longest time one request may take, from preparing its body to its response;
 * then it counts as a network error and is retried
 * @param bufferMemory most bytes of line protocol held at once, beside {@code bufferLimit} lines and
 * under the same overflow policy: current batch, queued, in flight and waiting for retry
 *
 * @since 0.1.0
 */
public record WriteOptions(WritePrecision precision, int batchSize, int maxBatchBytes, Duration flushInterval,
		Duration jitter, int bufferLimit, OverflowPolicy overflow, Duration blockTimeout, int maxConcurrentRequests,
		int gzipThreshold, Duration closeTimeout, int maxRetries, Duration minRetryDelay, Duration maxRetryDelay,
		double exponentialBase, Duration retryJitter, Duration maxRetryTime, boolean clientTimestamps,
		LineProtocolDialect lineProtocol, Duration requestTimeout, long bufferMemory) {

	private static final long DEFAULT_BUFFER_MEMORY = 64L * 1024 * 1024;

	/** The defaults. */
	public static final WriteOptions DEFAULTS = new WriteOptions(WritePrecision.NS, 5000, 4 * 1024 * 1024,
			Duration.ofSeconds(1), Duration.ZERO, 100_000, OverflowPolicy.BACKPRESSURE, Duration.ofSeconds(10), 2,
			1000, Duration.ofSeconds(30), 5, Duration.ofSeconds(5), Duration.ofSeconds(125), 2,
			Duration.ofMillis(200), Duration.ofSeconds(180), true, LineProtocolDialect.INFLUXDB, Duration.ofSeconds(60),
			DEFAULT_BUFFER_MEMORY);

	/**
	 * Checks every option.
	 * @throws InvalidWriteOptionException naming the first option out of range
	 */
	public WriteOptions {
		Objects.requireNonNull(precision, "precision");
		Objects.requireNonNull(overflow, "overflow");
		Objects.requireNonNull(lineProtocol, "lineProtocol");
		positive("batchSize", batchSize);
		positive("maxBatchBytes", maxBatchBytes);
		positive("flushInterval", flushInterval);
		notNegative("jitter", jitter);
		positive("bufferLimit", bufferLimit);
		if (bufferLimit < batchSize) {
			throw new InvalidWriteOptionException("bufferLimit", bufferLimit,
					"bufferLimit (" + bufferLimit + ") must be at least batchSize (" + batchSize + ")");
		}
		notNegative("blockTimeout", blockTimeout);
		positive("maxConcurrentRequests", maxConcurrentRequests);
		if (gzipThreshold < 0) {
			throw new InvalidWriteOptionException("gzipThreshold", gzipThreshold,
					"gzipThreshold must not be negative, was " + gzipThreshold);
		}
		notNegative("closeTimeout", closeTimeout);
		if (maxRetries < 0) {
			throw new InvalidWriteOptionException("maxRetries", maxRetries,
					"maxRetries must not be negative, was " + maxRetries);
		}
		notNegative("minRetryDelay", minRetryDelay);
		notNegative("maxRetryDelay", maxRetryDelay);
		if (!(exponentialBase >= 1)) {
			throw new InvalidWriteOptionException("exponentialBase", exponentialBase,
					"exponentialBase must be at least 1, was " + exponentialBase);
		}
		notNegative("retryJitter", retryJitter);
		notNegative("maxRetryTime", maxRetryTime);
		positive("requestTimeout", requestTimeout);
		if (bufferMemory < maxBatchBytes) {
			throw new InvalidWriteOptionException("bufferMemory", bufferMemory,
					"bufferMemory (" + bufferMemory + ") must be at least maxBatchBytes (" + maxBatchBytes + ")");
		}
	}

	/** The options before {@code bufferMemory}, which is 64 MB. */
	public WriteOptions(WritePrecision precision, int batchSize, int maxBatchBytes, Duration flushInterval,
			Duration jitter, int bufferLimit, OverflowPolicy overflow, Duration blockTimeout, int maxConcurrentRequests,
			int gzipThreshold, Duration closeTimeout, int maxRetries, Duration minRetryDelay, Duration maxRetryDelay,
			double exponentialBase, Duration retryJitter, Duration maxRetryTime, boolean clientTimestamps,
			LineProtocolDialect lineProtocol, Duration requestTimeout) {
		this(precision, batchSize, maxBatchBytes, flushInterval, jitter, bufferLimit, overflow, blockTimeout,
				maxConcurrentRequests, gzipThreshold, closeTimeout, maxRetries, minRetryDelay, maxRetryDelay,
				exponentialBase, retryJitter, maxRetryTime, clientTimestamps, lineProtocol, requestTimeout,
				DEFAULT_BUFFER_MEMORY);
	}

	/**
	 * The options of 0.1.0's constructor, with client timestamps on, {@link LineProtocolDialect#INFLUXDB}
	 * rules, a request timeout of 60 seconds and 64 MB of buffer memory.
	 */
	public WriteOptions(WritePrecision precision, int batchSize, int maxBatchBytes, Duration flushInterval,
			Duration jitter, int bufferLimit, OverflowPolicy overflow, Duration blockTimeout, int maxConcurrentRequests,
			int gzipThreshold, Duration closeTimeout, int maxRetries, Duration minRetryDelay, Duration maxRetryDelay,
			double exponentialBase, Duration retryJitter, Duration maxRetryTime) {
		this(precision, batchSize, maxBatchBytes, flushInterval, jitter, bufferLimit, overflow, blockTimeout,
				maxConcurrentRequests, gzipThreshold, closeTimeout, maxRetries, minRetryDelay, maxRetryDelay,
				exponentialBase, retryJitter, maxRetryTime, true, LineProtocolDialect.INFLUXDB, Duration.ofSeconds(60),
				DEFAULT_BUFFER_MEMORY);
	}

	/** A builder starting from the defaults. */
	public static Builder builder() {
		return new Builder(DEFAULTS);
	}

	/** A builder starting from these options. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	private static void positive(String name, int value) {
		if (value <= 0) {
			throw new InvalidWriteOptionException(name, value, name + " must be positive, was " + value);
		}
	}

	private static void positive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new InvalidWriteOptionException(name, value, name + " must be positive, was " + value);
		}
	}

	private static void notNegative(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative()) {
			throw new InvalidWriteOptionException(name, value, name + " must not be negative, was " + value);
		}
	}

	/** Builds {@link WriteOptions}; each setter names the record component it sets. */
	public static final class Builder {

		private WritePrecision precision;

		private int batchSize;

		private int maxBatchBytes;

		private Duration flushInterval;

		private Duration jitter;

		private int bufferLimit;

		private OverflowPolicy overflow;

		private Duration blockTimeout;

		private int maxConcurrentRequests;

		private int gzipThreshold;

		private Duration closeTimeout;

		private int maxRetries;

		private Duration minRetryDelay;

		private Duration maxRetryDelay;

		private double exponentialBase;

		private Duration retryJitter;

		private Duration maxRetryTime;

		private boolean clientTimestamps;

		private LineProtocolDialect lineProtocol;

		private Duration requestTimeout;

		private long bufferMemory;

		private Builder(WriteOptions from) {
			this.precision = from.precision;
			this.batchSize = from.batchSize;
			this.maxBatchBytes = from.maxBatchBytes;
			this.flushInterval = from.flushInterval;
			this.jitter = from.jitter;
			this.bufferLimit = from.bufferLimit;
			this.overflow = from.overflow;
			this.blockTimeout = from.blockTimeout;
			this.maxConcurrentRequests = from.maxConcurrentRequests;
			this.gzipThreshold = from.gzipThreshold;
			this.closeTimeout = from.closeTimeout;
			this.maxRetries = from.maxRetries;
			this.minRetryDelay = from.minRetryDelay;
			this.maxRetryDelay = from.maxRetryDelay;
			this.exponentialBase = from.exponentialBase;
			this.retryJitter = from.retryJitter;
			this.maxRetryTime = from.maxRetryTime;
			this.clientTimestamps = from.clientTimestamps;
			this.lineProtocol = from.lineProtocol;
			this.requestTimeout = from.requestTimeout;
			this.bufferMemory = from.bufferMemory;
		}

		public Builder precision(WritePrecision precision) {
			this.precision = precision;
			return this;
		}

		public Builder batchSize(int batchSize) {
			this.batchSize = batchSize;
			return this;
		}

		public Builder maxBatchBytes(int maxBatchBytes) {
			this.maxBatchBytes = maxBatchBytes;
			return this;
		}

		public Builder flushInterval(Duration flushInterval) {
			this.flushInterval = flushInterval;
			return this;
		}

		public Builder jitter(Duration jitter) {
			this.jitter = jitter;
			return this;
		}

		public Builder bufferLimit(int bufferLimit) {
			this.bufferLimit = bufferLimit;
			return this;
		}

		public Builder overflow(OverflowPolicy overflow) {
			this.overflow = overflow;
			return this;
		}

		public Builder blockTimeout(Duration blockTimeout) {
			this.blockTimeout = blockTimeout;
			return this;
		}

		public Builder maxConcurrentRequests(int maxConcurrentRequests) {
			this.maxConcurrentRequests = maxConcurrentRequests;
			return this;
		}

		public Builder gzipThreshold(int gzipThreshold) {
			this.gzipThreshold = gzipThreshold;
			return this;
		}

		public Builder closeTimeout(Duration closeTimeout) {
			this.closeTimeout = closeTimeout;
			return this;
		}

		public Builder maxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
			return this;
		}

		public Builder minRetryDelay(Duration minRetryDelay) {
			this.minRetryDelay = minRetryDelay;
			return this;
		}

		public Builder maxRetryDelay(Duration maxRetryDelay) {
			this.maxRetryDelay = maxRetryDelay;
			return this;
		}

		public Builder exponentialBase(double exponentialBase) {
			this.exponentialBase = exponentialBase;
			return this;
		}

		public Builder retryJitter(Duration retryJitter) {
			this.retryJitter = retryJitter;
			return this;
		}

		public Builder maxRetryTime(Duration maxRetryTime) {
			this.maxRetryTime = maxRetryTime;
			return this;
		}

		public Builder clientTimestamps(boolean clientTimestamps) {
			this.clientTimestamps = clientTimestamps;
			return this;
		}

		public Builder lineProtocol(LineProtocolDialect lineProtocol) {
			this.lineProtocol = lineProtocol;
			return this;
		}

		public Builder requestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
			return this;
		}

		public Builder bufferMemory(long bufferMemory) {
			this.bufferMemory = bufferMemory;
			return this;
		}

		/**
		 * @throws InvalidWriteOptionException naming the first option out of range
		 */
		public WriteOptions build() {
			return new WriteOptions(this.precision, this.batchSize, this.maxBatchBytes, this.flushInterval,
					this.jitter, this.bufferLimit, this.overflow, this.blockTimeout, this.maxConcurrentRequests,
					this.gzipThreshold, this.closeTimeout, this.maxRetries, this.minRetryDelay, this.maxRetryDelay,
					this.exponentialBase, this.retryJitter, this.maxRetryTime, this.clientTimestamps, this.lineProtocol,
					this.requestTimeout, this.bufferMemory);
		}

	}

}
