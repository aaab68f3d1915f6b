package io.influxspring.autoconfigure;

import io.influxspring.mapping.MeasurementMapper;
import io.influxspring.write.WriteApi;
import io.influxspring.write.WriteListener;
import io.influxspring.write.engine.BatchingWriteApi;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of a
 * batching {@link WriteApi} for InfluxDB, when {@code influx.url} is set or an
 * {@link InfluxConnectionDetails} bean is defined.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class },
		afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@ConditionalOnClass({ WebClient.class, WriteApi.class })
@EnableConfigurationProperties(InfluxProperties.class)
public final class InfluxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnInfluxConnectionCondition.class)
	InfluxConnectionDetails influxConnectionDetails(InfluxProperties properties) {
		return new PropertiesInfluxConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	MeasurementMapper influxMeasurementMapper() {
		return new MeasurementMapper();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "influx.mapping.validate-on-startup", matchIfMissing = true)
	@Conditional(OnInfluxConnectionCondition.class)
	InfluxMeasurementValidator influxMeasurementValidator(BeanFactory beanFactory,
			ObjectProvider<MeasurementMapper> mapper) {
		return new InfluxMeasurementValidator(beanFactory, mapper);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "influx.events.enabled", matchIfMissing = true)
	InfluxWriteEventPublisher influxWriteEventPublisher(ApplicationEventPublisher publisher, InfluxProperties properties) {
		return InfluxWriteEventPublisher.create(publisher, properties.getEvents().isPublishSuccesses());
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnInfluxConnectionCondition.class)
	InfluxWriteApiFactory influxWriteApiFactory(InfluxProperties properties, InfluxConnectionDetails connectionDetails,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<WriteListener> listeners, MeasurementMapper mapper, ResourceLoader resourceLoader,
			ObjectProvider<InfluxWriteApiBuilderCustomizer> customizers) {
		return new InfluxWriteApiFactory(() -> InfluxWebClients.create(properties, webClientBuilder, connectorBuilder,
				httpClientSettings, sslBundles, resourceLoader), connectionDetails, properties,
				listeners.orderedStream().toList(), mapper, customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean(value = WriteApi.class, ignored = BucketWriteApi.class)
	@ConditionalOnBean(InfluxWriteApiFactory.class)
	BatchingWriteApi influxWriteApi(InfluxWriteApiFactory factory) {
		return factory.createDefault();
	}

	@Bean
	@ConditionalOnMissingBean
	InfluxWriteApiLifecycle influxWriteApiLifecycle(ObjectProvider<WriteApi> writeApis,
			ObjectProvider<InfluxWriteApiFactory> factory) {
		return new InfluxWriteApiLifecycle(writeApis, factory);
	}

}
