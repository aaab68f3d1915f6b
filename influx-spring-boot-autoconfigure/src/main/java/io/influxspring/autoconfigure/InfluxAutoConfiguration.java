package io.influxspring.autoconfigure;

import io.influxspring.mapping.MeasurementMapper;
import io.influxspring.write.WriteApi;
import io.influxspring.write.WriteListener;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.BatchingWriteApiBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of a
 * batching {@link WriteApi} for InfluxDB, when {@code influx.url} is set or an
 * {@link InfluxConnectionDetails} bean is defined.
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
	InfluxMeasurementValidator influxMeasurementValidator(BeanFactory beanFactory,
			ObjectProvider<MeasurementMapper> mapper) {
		return new InfluxMeasurementValidator(beanFactory, mapper);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "influx.events.enabled", matchIfMissing = true)
	InfluxWriteEventPublisher influxWriteEventPublisher(ApplicationEventPublisher publisher, InfluxProperties properties) {
		return new InfluxWriteEventPublisher(publisher, properties.getEvents().isPublishSuccesses());
	}

	@Bean
	@ConditionalOnMissingBean(WriteApi.class)
	@Conditional(OnInfluxConnectionCondition.class)
	BatchingWriteApi influxWriteApi(InfluxProperties properties, InfluxConnectionDetails connectionDetails,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<WriteListener> listeners, MeasurementMapper mapper, ResourceLoader resourceLoader) {
		InfluxWriteTarget target = InfluxWriteTarget.of(connectionDetails, properties);
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.getConnectTimeout(), properties.getResponseTimeout());
		String bundle = properties.getSsl().getBundle();
		if (bundle != null && !bundle.isBlank()) {
			settings = settings.withSslBundle(sslBundle(sslBundles.getIfAvailable(), bundle));
		}
		ClientHttpConnector connector = connectorBuilder
			.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()))
			.build(settings);
		WebClient webClient = webClientBuilder.getIfAvailable(WebClient::builder).clientConnector(connector).build();
		BatchingWriteApiBuilder builder = BatchingWriteApi.builder(webClient, target.baseUrl())
			.options(InfluxWriteOptions.of(properties))
			.mapper(mapper)
			.path(target.path())
			.authorization(target.authorization())
			.defaultTags(properties.getDefaultTags());
		listeners.orderedStream().forEach(builder::listener);
		return builder.build();
	}

	private static SslBundle sslBundle(@Nullable SslBundles bundles, String name) {
		if (bundles == null) {
			throw new InfluxConfigurationException("influx.ssl.bundle", name, "No SSL bundles are configured",
					"Define the bundle under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name + ".");
		}
		try {
			return bundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InfluxConfigurationException("influx.ssl.bundle", name, "There is no SSL bundle of that name",
					"Define the bundle under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name
							+ ", or correct influx.ssl.bundle.");
		}
	}

	@Bean
	@ConditionalOnMissingBean
	InfluxWriteApiLifecycle influxWriteApiLifecycle(ObjectProvider<WriteApi> writeApis) {
		return new InfluxWriteApiLifecycle(writeApis);
	}

}
