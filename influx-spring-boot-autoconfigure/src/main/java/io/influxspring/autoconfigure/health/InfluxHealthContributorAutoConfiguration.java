package io.influxspring.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.influxspring.autoconfigure.BucketWriteApi;
import io.influxspring.autoconfigure.InfluxAutoConfiguration;
import io.influxspring.autoconfigure.OnInfluxWriterCondition;
import io.influxspring.health.InfluxHealthIndicator;
import io.influxspring.write.engine.BatchingWriteApi;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.SimpleAutowireCandidateResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeReactiveHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@link InfluxHealthIndicator}: one per writer bean ({@link BatchingWriteApi} or
 * {@link BucketWriteApi}), or a composite for several keyed by bean name, named {@code influx}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = InfluxAutoConfiguration.class)
@ConditionalOnClass({ InfluxHealthIndicator.class, ReactiveHealthContributor.class,
		ConditionalOnEnabledHealthIndicator.class })
@Conditional(OnInfluxWriterCondition.class)
@ConditionalOnEnabledHealthIndicator("influx")
@EnableConfigurationProperties(InfluxHealthIndicatorProperties.class)
public final class InfluxHealthContributorAutoConfiguration
		extends CompositeReactiveHealthContributorConfiguration<InfluxHealthIndicator, BatchingWriteApi> {

	InfluxHealthContributorAutoConfiguration(InfluxHealthIndicatorProperties properties) {
		super((writeApi) -> new InfluxHealthIndicator(writeApi, properties.getTimeout(),
				properties.getWriteFailureThreshold(), new Status(properties.getWriteFailureStatus())));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "influxHealthIndicator", "influxHealthContributor" })
	ReactiveHealthContributor influxHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		Map<String, BatchingWriteApi> writeApis = new LinkedHashMap<>(
				SimpleAutowireCandidateResolver.resolveAutowireCandidates(beanFactory, BatchingWriteApi.class));
		SimpleAutowireCandidateResolver.resolveAutowireCandidates(beanFactory, BucketWriteApi.class)
			.forEach((name, bucket) -> writeApis.put(name, bucket.getWriteApi()));
		return createContributor(writeApis);
	}

}
