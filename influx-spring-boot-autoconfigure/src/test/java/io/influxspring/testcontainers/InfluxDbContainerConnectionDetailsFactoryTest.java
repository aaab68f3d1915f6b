package io.influxspring.testcontainers;

import java.util.List;
import java.util.Map;

import io.influxspring.autoconfigure.InfluxContainerEnvironment;
import io.influxspring.autoconfigure.InfluxProperties.ApiVersion;
import io.influxspring.write.InfluxApiVersion;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment an {@code InfluxDBContainer} starts InfluxDB with, mapped to connection details
 * without Docker (the variables are those Testcontainers sets for each version).
 */
@SuppressWarnings("deprecation")
class InfluxDbContainerConnectionDetailsFactoryTest {

	@Test
	void mapsTheEnvironmentOfAnInfluxDb2Container() {
		InfluxContainerEnvironment environment = new InfluxContainerEnvironment(Map.of("DOCKER_INFLUXDB_INIT_MODE",
				"setup", "DOCKER_INFLUXDB_INIT_USERNAME", "test-user", "DOCKER_INFLUXDB_INIT_PASSWORD", "test-password",
				"DOCKER_INFLUXDB_INIT_ORG", "test-org", "DOCKER_INFLUXDB_INIT_BUCKET", "test-bucket",
				"DOCKER_INFLUXDB_INIT_ADMIN_TOKEN", "test-token"));
		assertThat(environment.getApiVersion()).isEqualTo(ApiVersion.V2);
		assertThat(environment.getWriteApiVersion()).isEqualTo(InfluxApiVersion.V2);
		assertThat(environment.getToken()).isEqualTo("test-token");
		assertThat(environment.getOrg()).isEqualTo("test-org");
		assertThat(environment.getBucket()).isEqualTo("test-bucket");
	}

	@Test
	void mapsTheEnvironmentOfAnInfluxDb1Container() {
		InfluxContainerEnvironment environment = new InfluxContainerEnvironment(Map.of("INFLUXDB_USER", "any",
				"INFLUXDB_USER_PASSWORD", "password", "INFLUXDB_HTTP_AUTH_ENABLED", "true", "INFLUXDB_ADMIN_USER",
				"admin", "INFLUXDB_ADMIN_PASSWORD", "password", "INFLUXDB_DB", "test"));
		assertThat(environment.getApiVersion()).isEqualTo(ApiVersion.V1);
		assertThat(environment.getWriteApiVersion()).isEqualTo(InfluxApiVersion.V1);
		assertThat(environment.getDatabase()).isEqualTo("test");
		assertThat(environment.getUsername()).isEqualTo("any");
		assertThat(environment.getPassword()).isEqualTo("password");
		assertThat(environment.getToken()).isNull();
	}

	@Test
	void isRegisteredAsAConnectionDetailsFactory() {
		List<ConnectionDetailsFactory> factories = SpringFactoriesLoader.loadFactories(ConnectionDetailsFactory.class,
				getClass().getClassLoader());
		assertThat(factories).hasAtLeastOneElementOfType(InfluxDbContainerConnectionDetailsFactory.class);
	}

}
