package io.influxspring.docker.compose;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.influxspring.autoconfigure.InfluxConnectionDetails;
import io.influxspring.autoconfigure.InfluxProperties.ApiVersion;
import io.influxspring.write.InfluxApiVersion;
import io.influxspring.docker.compose.InfluxDockerComposeConnectionDetailsFactory.InfluxDockerComposeConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** Maps the official image's environment to connection details, without Docker. */
@SuppressWarnings("deprecation")
class InfluxDockerComposeConnectionDetailsFactoryTest {

	private static InfluxConnectionDetails details(Map<String, String> env) {
		RunningService service = mock(RunningService.class);
		ConnectionPorts ports = mock(ConnectionPorts.class);
		given(service.host()).willReturn("127.0.0.1");
		given(service.ports()).willReturn(ports);
		given(ports.get(8086)).willReturn(32786);
		given(service.env()).willReturn(new HashMap<>(env));
		return new InfluxDockerComposeConnectionDetails(service);
	}

	@Test
	void mapsAnInfluxDb2SetUpByItsInitVariables() {
		InfluxConnectionDetails details = details(Map.of("DOCKER_INFLUXDB_INIT_MODE", "setup",
				"DOCKER_INFLUXDB_INIT_USERNAME", "admin", "DOCKER_INFLUXDB_INIT_PASSWORD", "secret123",
				"DOCKER_INFLUXDB_INIT_ORG", "my-org", "DOCKER_INFLUXDB_INIT_BUCKET", "my-bucket",
				"DOCKER_INFLUXDB_INIT_ADMIN_TOKEN", "my-token"));
		assertThat(details.getUrl()).isEqualTo("http://127.0.0.1:32786");
		assertThat(details.getApiVersion()).isEqualTo(ApiVersion.V2);
		assertThat(details.getWriteApiVersion()).isEqualTo(InfluxApiVersion.V2);
		assertThat(details.getToken()).isEqualTo("my-token");
		assertThat(details.getOrg()).isEqualTo("my-org");
		assertThat(details.getBucket()).isEqualTo("my-bucket");
		assertThat(details.getDatabase()).isNull();
		assertThat(details.getUsername()).isNull();
	}

	@Test
	void mapsAnInfluxDb1WithAUser() {
		InfluxConnectionDetails details = details(Map.of("INFLUXDB_DB", "metrics", "INFLUXDB_HTTP_AUTH_ENABLED", "true",
				"INFLUXDB_ADMIN_USER", "admin", "INFLUXDB_ADMIN_PASSWORD", "a", "INFLUXDB_USER", "writer",
				"INFLUXDB_USER_PASSWORD", "w"));
		assertThat(details.getApiVersion()).isEqualTo(ApiVersion.V1);
		assertThat(details.getWriteApiVersion()).isEqualTo(InfluxApiVersion.V1);
		assertThat(details.getDatabase()).isEqualTo("metrics");
		assertThat(details.getUsername()).isEqualTo("writer");
		assertThat(details.getPassword()).isEqualTo("w");
		assertThat(details.getToken()).isNull();
		assertThat(details.getBucket()).isNull();
	}

	@Test
	void mapsAnInfluxDb1WithOnlyAnAdmin() {
		InfluxConnectionDetails details = details(Map.of("INFLUXDB_DB", "metrics", "INFLUXDB_ADMIN_USER", "admin",
				"INFLUXDB_ADMIN_PASSWORD", "a"));
		assertThat(details.getUsername()).isEqualTo("admin");
		assertThat(details.getPassword()).isEqualTo("a");
	}

	@Test
	void defaultsToV2WithoutEnvironment() {
		InfluxConnectionDetails details = details(Map.of());
		assertThat(details.getApiVersion()).isEqualTo(ApiVersion.V2);
		assertThat(details.getWriteApiVersion()).isEqualTo(InfluxApiVersion.V2);
		assertThat(details.getToken()).isNull();
		assertThat(details.getDatabase()).isNull();
	}

	@Test
	void isRegisteredAsAConnectionDetailsFactory() {
		List<ConnectionDetailsFactory> factories = SpringFactoriesLoader.loadFactories(ConnectionDetailsFactory.class,
				getClass().getClassLoader());
		assertThat(factories).hasAtLeastOneElementOfType(InfluxDockerComposeConnectionDetailsFactory.class);
	}

}
