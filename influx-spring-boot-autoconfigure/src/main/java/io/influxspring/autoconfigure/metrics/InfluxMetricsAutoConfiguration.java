package io.influxspring.autoconfigure.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import io.influxspring.autoconfigure.BucketWriteApi;
import io.influxspring.autoconfigure.InfluxAutoConfiguration;
import io.influxspring.autoconfigure.OnInfluxWriterCondition;
import io.influxspring.autoconfigure.InfluxWriteApiFactory;
import io.influxspring.write.engine.BatchingWriteApi;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@link InfluxWriteMeters} of every writer, when a {@link MeterRegistry} exists: the beans
 * ({@link BatchingWriteApi} or {@link BucketWriteApi}), tagged with their bean names, and the
 * writers {@link InfluxWriteApiFactory} makes at run time.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = InfluxAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, BatchingWriteApi.class })
@ConditionalOnBean(MeterRegistry.class)
@Conditional(OnInfluxWriterCondition.class)
public final class InfluxMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InfluxWriteMetrics influxWriteMetrics(ListableBeanFactory beanFactory, MeterRegistry registry,
			ObjectProvider<InfluxWriteApiFactory> factory) {
		Map<String, BatchingWriteApi> writeApis = new LinkedHashMap<>(beanFactory.getBeansOfType(BatchingWriteApi.class));
		beanFactory.getBeansOfType(BucketWriteApi.class)
			.forEach((name, bucket) -> writeApis.put(name, bucket.getWriteApi()));
		InfluxWriteMetrics metrics = new InfluxWriteMetrics(writeApis, registry);
		factory.ifAvailable((writeApiFactory) -> {
			writeApiFactory.onCreate((writeApi) -> metrics.bind(writeApi.getName(), writeApi.getWriteApi()));
			writeApiFactory.onRelease((writeApi) -> metrics.unbind(writeApi.getWriteApi()));
			writeApiFactory.getCreated().forEach((writeApi) -> metrics.bind(writeApi.getName(), writeApi.getWriteApi()));
		});
		return metrics;
	}

}
