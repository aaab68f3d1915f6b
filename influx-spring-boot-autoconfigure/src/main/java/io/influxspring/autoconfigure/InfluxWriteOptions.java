package io.influxspring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.influxspring.autoconfigure.InfluxProperties.Write;
import io.influxspring.autoconfigure.InfluxProperties.Write.Retry;
import io.influxspring.write.InvalidWriteOptionException;
import io.influxspring.write.WriteOptions;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@code influx.*} into {@link WriteOptions}, which check their ranges; a value out of range
 * fails naming the property it came from.
 */
final class InfluxWriteOptions {

	/** The property each {@link WriteOptions} component is bound from. */
	private static final Map<String, String> PROPERTIES = Map.ofEntries(
			Map.entry("precision", "influx.precision"), Map.entry("batchSize", "influx.write.batch-size"),
			Map.entry("maxBatchBytes", "influx.write.max-batch-bytes"),
			Map.entry("flushInterval", "influx.write.flush-interval"), Map.entry("jitter", "influx.write.jitter"),
			Map.entry("bufferLimit", "influx.write.buffer-limit"),
			Map.entry("bufferMemory", "influx.write.buffer-memory"), Map.entry("overflow", "influx.write.overflow"),
			Map.entry("blockTimeout", "influx.write.block-timeout"),
			Map.entry("maxConcurrentRequests", "influx.write.max-concurrent-requests"),
			Map.entry("gzipThreshold", "influx.write.gzip-threshold"),
			Map.entry("closeTimeout", "influx.write.close-timeout"),
			Map.entry("maxRetries", "influx.write.retry.max-retries"),
			Map.entry("minRetryDelay", "influx.write.retry.min-delay"),
			Map.entry("maxRetryDelay", "influx.write.retry.max-delay"),
			Map.entry("exponentialBase", "influx.write.retry.exponential-base"),
			Map.entry("retryJitter", "influx.write.retry.jitter"),
			Map.entry("maxRetryTime", "influx.write.retry.max-retry-time"),
			Map.entry("clientTimestamps", "influx.write.client-timestamps"),
			Map.entry("lineProtocol", "influx.write.line-protocol"),
			Map.entry("requestTimeout", "influx.response-timeout"));

	private static final Pattern WORD = Pattern.compile("\\b[a-z][A-Za-z]*\\b");

	private InfluxWriteOptions() {
	}

	static WriteOptions of(InfluxProperties properties) {
		positive("influx.connect-timeout", properties.getConnectTimeout());
		positive("influx.response-timeout", properties.getResponseTimeout());
		Write write = properties.getWrite();
		Retry retry = write.getRetry();
		if (write.getMaxBatchBytes().toBytes() > Integer.MAX_VALUE) {
			fail("influx.write.max-batch-bytes", write.getMaxBatchBytes(), "Must be less than 2GB");
		}
		WriteOptions.Builder builder = WriteOptions.builder();
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::getPrecision).to(builder::precision);
		map.from(write::getBatchSize).to(builder::batchSize);
		map.from(write::getMaxBatchBytes).as((size) -> (int) size.toBytes()).to(builder::maxBatchBytes);
		map.from(write::getFlushInterval).to(builder::flushInterval);
		map.from(write::getJitter).to(builder::jitter);
		map.from(write::getBufferLimit).to(builder::bufferLimit);
		map.from(write::getBufferMemory).as(DataSize::toBytes).to(builder::bufferMemory);
		map.from(write::getOverflow).to(builder::overflow);
		map.from(write::getBlockTimeout).to(builder::blockTimeout);
		map.from(write::getMaxConcurrentRequests).to(builder::maxConcurrentRequests);
		map.from(write::getGzipThreshold)
			.as((size) -> (int) Math.min(Integer.MAX_VALUE, size.toBytes()))
			.to(builder::gzipThreshold);
		map.from(write::getCloseTimeout).to(builder::closeTimeout);
		map.from(retry::getMaxRetries).to(builder::maxRetries);
		map.from(retry::getMinDelay).to(builder::minRetryDelay);
		map.from(retry::getMaxDelay).to(builder::maxRetryDelay);
		map.from(retry::getExponentialBase).to(builder::exponentialBase);
		map.from(retry::getJitter).to(builder::retryJitter);
		map.from(retry::getMaxRetryTime).to(builder::maxRetryTime);
		map.from(write::isClientTimestamps).to(builder::clientTimestamps);
		map.from(write::getLineProtocol).to(builder::lineProtocol);
		map.from(() -> properties.getConnectTimeout().plus(properties.getResponseTimeout())).to(builder::requestTimeout);
		try {
			return builder.build();
		}
		catch (InvalidWriteOptionException ex) {
			throw configurationException(ex, properties);
		}
	}

	/** The client's refusal of an option, naming the property it came from instead. */
	private static InfluxConfigurationException configurationException(InvalidWriteOptionException ex,
			InfluxProperties properties) {
		String property = PROPERTIES.getOrDefault(ex.getOption(), "influx.write");
		String reason = WORD.matcher(ex.getMessage())
			.replaceAll((word) -> Matcher.quoteReplacement(PROPERTIES.getOrDefault(word.group(), word.group())));
		Object value = switch (ex.getOption()) {
			case "maxBatchBytes" -> properties.getWrite().getMaxBatchBytes();
			case "bufferMemory" -> properties.getWrite().getBufferMemory();
			case "gzipThreshold" -> properties.getWrite().getGzipThreshold();
			default -> ex.getValue();
		};
		return new InfluxConfigurationException(property, value, reason,
				"Change " + property + " (see the starter's README for its meaning and default), or remove it to use the default.");
	}

	private static void positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			fail(property, value, "Must be positive");
		}
	}

	private static void fail(String property, Object value, String reason) {
		throw new InfluxConfigurationException(property, value, reason,
				"Change " + property + " (see the starter's README for its meaning and default), or remove it to use the default.");
	}

}
