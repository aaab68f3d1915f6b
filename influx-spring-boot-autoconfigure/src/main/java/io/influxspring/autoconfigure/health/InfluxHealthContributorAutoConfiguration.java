package io.influxspring.autoconfigure.health;

import io.influxspring.autoconfigure.InfluxAutoConfiguration;
import io.influxspring.health.InfluxHealthIndicator;
import io.influxspring.write.engine.BatchingWriteApi;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeReactiveHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@link InfluxHealthIndicator}: one per writer, or a composite for several, named {@code influx}.
 */
@AutoConfiguration(after = InfluxAutoConfiguration.class)
@ConditionalOnClass({ InfluxHealthIndicator.class, ReactiveHealthContributor.class,
		ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(BatchingWriteApi.class)
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
		return createContributor(beanFactory, BatchingWriteApi.class);
	}

}
