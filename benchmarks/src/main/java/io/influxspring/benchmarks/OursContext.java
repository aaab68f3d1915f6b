package io.influxspring.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import io.influxspring.autoconfigure.InfluxAutoConfiguration;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A minimal Spring Boot application whose {@code WriteApi} is auto-configured as in a user's
 * application: Boot's HTTP client and WebClient auto-configurations plus {@link InfluxAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
		WebClientAutoConfiguration.class, InfluxAutoConfiguration.class })
public class OursContext {

	/**
	 * Starts the application writing to {@code url} (org {@code o}, bucket {@code b}, token {@code t}),
	 * with the given properties on top.
	 */
	public static ConfigurableApplicationContext start(String url, Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("influx.url", url);
		all.put("influx.token", "t");
		all.put("influx.org", "o");
		all.put("influx.bucket", "b");
		all.put("influx.write.batch-size", 5000);
		all.putAll(properties);
		return new SpringApplicationBuilder(OursContext.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(all)
			.run();
	}

}
