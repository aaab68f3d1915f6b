package io.influxspring.autoconfigure.actuate;

import java.util.Map;

import io.influxspring.autoconfigure.InfluxAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The token and passwords are masked by {@code /actuator/configprops} and {@code /actuator/env}, whatever they show. */
class InfluxSanitizingAutoConfigurationTest {

	private static final String MASKED = "******";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
				InfluxAutoConfiguration.class, InfluxSanitizingAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"influx.token=s3cr3t-token", "influx.password=s3cr3t-password", "influx.username=writer",
				"influx.bucket=b");

	@Test
	void masksTheTokenAndPasswordInConfigprops() {
		this.runner.run((context) -> {
			Map<String, Object> properties = influxProperties(context.getBean(ConfigurationPropertiesReportEndpoint.class));
			assertThat(properties).containsEntry("token", MASKED)
				.containsEntry("password", MASKED)
				.containsEntry("username", "writer")
				.containsEntry("bucket", "b");
		});
	}

	@Test
	void masksTheTokenAndPasswordInEnv() {
		this.runner.run((context) -> {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
			assertThat(endpoint.environmentEntry("influx.token").getProperty().getValue()).isEqualTo(MASKED);
			assertThat(endpoint.environmentEntry("influx.password").getProperty().getValue()).isEqualTo(MASKED);
			assertThat(endpoint.environmentEntry("influx.username").getProperty().getValue()).isEqualTo("writer");
			assertThat(endpoint.environment(null).getPropertySources()).flatExtracting(
					(source) -> source.getProperties().values().stream().map((value) -> value.getValue()).toList())
				.doesNotContain("s3cr3t-token", "s3cr3t-password")
				.contains(MASKED, "writer");
		});
	}

	@Test
	void masksEnvironmentVariables() {
		this.runner
			.withInitializer((context) -> context.getEnvironment().getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-environment",
						Map.of("INFLUX_TOKEN", "env-token", "INFLUX_PASSWORD", "env-password", "INFLUX_ORG", "o"))))
			.run((context) -> {
				EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
				PropertySourceDescriptor environment = endpoint.environment(null).getPropertySources().stream()
					.filter((source) -> source.getName().equals("test-environment"))
					.findFirst()
					.orElseThrow();
				assertThat(environment.getProperties().get("INFLUX_TOKEN").getValue()).isEqualTo(MASKED);
				assertThat(environment.getProperties().get("INFLUX_PASSWORD").getValue()).isEqualTo(MASKED);
				assertThat(environment.getProperties().get("INFLUX_ORG").getValue()).isEqualTo("o");
				assertThat(endpoint.environmentEntry("influx.token").getProperty().getValue()).isEqualTo(MASKED);
				assertThat(influxProperties(context.getBean(ConfigurationPropertiesReportEndpoint.class)))
					.containsEntry("token", MASKED)
					.containsEntry("org", "o");
			});
	}

	@Test
	void backsOffWithoutActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.withConfiguration(AutoConfigurations.of(InfluxAutoConfiguration.class, InfluxSanitizingAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("influxSanitizingFunction"));
	}

	private static Map<String, Object> influxProperties(ConfigurationPropertiesReportEndpoint endpoint) {
		return endpoint.configurationProperties().getContexts().values().stream()
			.flatMap((context) -> context.getBeans().values().stream())
			.filter((bean) -> bean.getPrefix().equals("influx"))
			.map(ConfigurationPropertiesBeanDescriptor::getProperties)
			.findFirst()
			.orElseThrow();
	}

}
