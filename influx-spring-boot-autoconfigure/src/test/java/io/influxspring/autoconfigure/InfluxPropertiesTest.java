package io.influxspring.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.influxspring.write.OverflowPolicy;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code influx.*} bound as Boot binds it, and its defaults the same as the client's. */
class InfluxPropertiesTest {

	@Test
	void defaultsMapToTheClientsDefaultOptions() {
		InfluxProperties properties = new InfluxProperties();
		properties.setUrl("http://127.0.0.1:8086");
		WriteOptions options = InfluxWriteOptions.of(properties);
		assertThat(options).isEqualTo(WriteOptions.DEFAULTS.toBuilder()
			.requestTimeout(properties.getConnectTimeout().plus(properties.getResponseTimeout()))
			.build());
	}

	@Test
	void bindsRelaxedNamesUnitsAndEnums() {
		InfluxProperties properties = bind(Map.of("influx.url", "http://h:8086", "influx.api-version", "v3",
				"influx.precision", "ms", "influx.default-tags.app", "shop", "influx.write.buffer-memory", "16MB",
				"influx.write.max-batch-bytes", "512KB", "influx.write.overflow", "drop-oldest",
				"influx.write.line-protocol", "portable", "influx.write.retry.max-delay", "1m",
				"influx.write.retry.exponential-base", "1.5"));
		assertThat(properties.getApiVersion()).isEqualTo(InfluxProperties.ApiVersion.V3);
		assertThat(properties.getPrecision()).isEqualTo(WritePrecision.MS);
		assertThat(properties.getDefaultTags()).containsExactly(Map.entry("app", "shop"));
		InfluxProperties.Write write = properties.getWrite();
		assertThat(write.getBufferMemory()).isEqualTo(DataSize.ofMegabytes(16));
		assertThat(write.getMaxBatchBytes()).isEqualTo(DataSize.ofKilobytes(512));
		assertThat(write.getOverflow()).isEqualTo(OverflowPolicy.DROP_OLDEST);
		assertThat(write.getLineProtocol()).isEqualTo(LineProtocolDialect.PORTABLE);
		assertThat(write.getRetry().getMaxDelay()).isEqualTo(Duration.ofMinutes(1));
		assertThat(write.getRetry().getExponentialBase()).isEqualTo(1.5);
	}

	@Test
	@SuppressWarnings("deprecation")
	void theRetryOptionsStillAnswerToTheirFormerType() {
		InfluxProperties.Retry retry = bind(Map.of("influx.write.retry.max-retries", "9")).getWrite().getRetry();
		assertThat(retry.getMaxRetries()).isEqualTo(9);
	}

	private static InfluxProperties bind(Map<String, String> values) {
		Binder binder = new Binder(new MapConfigurationPropertySource(values));
		return binder.bind("influx", Bindable.of(InfluxProperties.class)).orElseGet(InfluxProperties::new);
	}

}
