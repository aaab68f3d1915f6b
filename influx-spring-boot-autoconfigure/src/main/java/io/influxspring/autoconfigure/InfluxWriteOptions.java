package io.influxspring.autoconfigure;

import java.time.Duration;

import io.influxspring.autoconfigure.InfluxProperties.Retry;
import io.influxspring.autoconfigure.InfluxProperties.Write;
import io.influxspring.write.WriteOptions;


/** Turns {@code influx.write.*} into {@link WriteOptions}, naming the property of any value out of range. */
final class InfluxWriteOptions {

	private InfluxWriteOptions() {
	}

	static WriteOptions of(InfluxProperties properties) {
		Write write = properties.getWrite();
		Retry retry = write.getRetry();
		positive("influx.connect-timeout", properties.getConnectTimeout());
		positive("influx.response-timeout", properties.getResponseTimeout());
		positive("influx.write.batch-size", write.getBatchSize());
		positive("influx.write.max-batch-bytes", write.getMaxBatchBytes().toBytes());
		if (write.getMaxBatchBytes().toBytes() > Integer.MAX_VALUE) {
			fail("influx.write.max-batch-bytes", write.getMaxBatchBytes(), "Must be less than 2GB");
		}
		positive("influx.write.flush-interval", write.getFlushInterval());
		notNegative("influx.write.jitter", write.getJitter());
		positive("influx.write.buffer-limit", write.getBufferLimit());
		if (write.getBufferLimit() < write.getBatchSize()) {
			fail("influx.write.buffer-limit", write.getBufferLimit(),
					"Must be at least influx.write.batch-size (" + write.getBatchSize() + ")");
		}
		if (write.getBufferMemory().toBytes() < write.getMaxBatchBytes().toBytes()) {
			fail("influx.write.buffer-memory", write.getBufferMemory(),
					"Must be at least influx.write.max-batch-bytes (" + write.getMaxBatchBytes() + ")");
		}
		notNegative("influx.write.block-timeout", write.getBlockTimeout());
		positive("influx.write.max-concurrent-requests", write.getMaxConcurrentRequests());
		notNegative("influx.write.gzip-threshold", write.getGzipThreshold().toBytes());
		notNegative("influx.write.close-timeout", write.getCloseTimeout());
		notNegative("influx.write.retry.max-retries", retry.getMaxRetries());
		notNegative("influx.write.retry.min-delay", retry.getMinDelay());
		notNegative("influx.write.retry.max-delay", retry.getMaxDelay());
		if (!(retry.getExponentialBase() >= 1)) {
			fail("influx.write.retry.exponential-base", retry.getExponentialBase(), "Must be at least 1");
		}
		notNegative("influx.write.retry.jitter", retry.getJitter());
		notNegative("influx.write.retry.max-retry-time", retry.getMaxRetryTime());
		return WriteOptions.builder()
			.precision(properties.getPrecision())
			.batchSize(write.getBatchSize())
			.maxBatchBytes((int) write.getMaxBatchBytes().toBytes())
			.flushInterval(write.getFlushInterval())
			.jitter(write.getJitter())
			.bufferLimit(write.getBufferLimit())
			.bufferMemory(write.getBufferMemory().toBytes())
			.overflow(write.getOverflow())
			.blockTimeout(write.getBlockTimeout())
			.maxConcurrentRequests(write.getMaxConcurrentRequests())
			.gzipThreshold((int) Math.min(Integer.MAX_VALUE, write.getGzipThreshold().toBytes()))
			.closeTimeout(write.getCloseTimeout())
			.maxRetries(retry.getMaxRetries())
			.minRetryDelay(retry.getMinDelay())
			.maxRetryDelay(retry.getMaxDelay())
			.exponentialBase(retry.getExponentialBase())
			.retryJitter(retry.getJitter())
			.maxRetryTime(retry.getMaxRetryTime())
			.clientTimestamps(write.isClientTimestamps())
			.lineProtocol(write.getLineProtocol())
			.requestTimeout(properties.getConnectTimeout().plus(properties.getResponseTimeout()))
			.build();
	}

	private static void positive(String property, long value) {
		if (value <= 0) {
			fail(property, value, "Must be positive");
		}
	}

	private static void notNegative(String property, long value) {
		if (value < 0) {
			fail(property, value, "Must not be negative");
		}
	}

	private static void positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			fail(property, value, "Must be positive");
		}
	}

	private static void notNegative(String property, Duration value) {
		if (value.isNegative()) {
			fail(property, value, "Must not be negative");
		}
	}

	private static void fail(String property, Object value, String reason) {
		throw new InfluxConfigurationException(property, value, reason,
				"Change " + property + " (see the starter's README for its meaning and default), or remove it to use the default.");
	}

}
