package io.influxspring.autoconfigure.metrics;

import java.util.Map;

import io.influxspring.autoconfigure.InfluxAutoConfiguration;
import io.influxspring.autoconfigure.InfluxWriteApiFactory;
import io.influxspring.write.engine.BatchingWriteApi;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@link InfluxWriteMeters} of every writer, when a {@link MeterRegistry} exists.
 */
@AutoConfiguration(after = InfluxAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, BatchingWriteApi.class })
@ConditionalOnBean({ MeterRegistry.class, BatchingWriteApi.class })
public final class InfluxMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InfluxWriteMetrics influxWriteMetrics(Map<String, BatchingWriteApi> writeApis, MeterRegistry registry,
			ObjectProvider<InfluxWriteApiFactory> factory) {
		InfluxWriteMetrics metrics = new InfluxWriteMetrics(writeApis, registry);
		factory.ifAvailable((writeApiFactory) -> {
			writeApiFactory.onCreate((writeApi) -> metrics.bind(writeApi.getName(), writeApi));
			writeApiFactory.onRelease(metrics::unbind);
			writeApiFactory.getCreated().forEach((writeApi) -> metrics.bind(writeApi.getName(), writeApi));
		});
		return metrics;
	}

}
