package io.influxspring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the writers' {@link WebClient} from Boot's {@code WebClient.Builder} (customizers,
 * observations, codecs) with a connector from Boot's connector builder (shared Reactor Netty
 * resources), the {@code influx.*} timeouts and, when named, an SSL bundle.
 */
final class InfluxWebClients {

	private InfluxWebClients() {
	}

	static WebClient create(InfluxProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ResourceLoader resourceLoader) {
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.getConnectTimeout(), properties.getResponseTimeout());
		String bundle = properties.getSsl().getBundle();
		if (bundle != null && !bundle.isBlank()) {
			settings = settings.withSslBundle(sslBundle(sslBundles.getIfAvailable(), bundle));
		}
		ClientHttpConnector connector = connectorBuilder
			.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()))
			.build(settings);
		return webClientBuilder.getIfAvailable(WebClient::builder).clientConnector(connector).build();
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

}
