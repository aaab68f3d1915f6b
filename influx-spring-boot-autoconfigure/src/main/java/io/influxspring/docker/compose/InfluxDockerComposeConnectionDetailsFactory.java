package io.influxspring.docker.compose;

import io.influxspring.autoconfigure.InfluxConnectionDetails;
import io.influxspring.autoconfigure.InfluxContainerEnvironment;
import io.influxspring.autoconfigure.InfluxProperties.ApiVersion;
import io.influxspring.write.InfluxApiVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;

/**
 * {@link InfluxConnectionDetails} for a Docker Compose service running the official
 * {@code influxdb} image (InfluxDB 2 or 1), from its port 8086 and its environment.
 */
class InfluxDockerComposeConnectionDetailsFactory extends DockerComposeConnectionDetailsFactory<InfluxConnectionDetails> {

	static final int INFLUXDB_PORT = 8086;

	InfluxDockerComposeConnectionDetailsFactory() {
		super("influxdb");
	}

	@Override
	protected InfluxConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new InfluxDockerComposeConnectionDetails(source.getRunningService());
	}

	/** The details of one running service. */
	static class InfluxDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements InfluxConnectionDetails {

		private final String url;

		private final InfluxContainerEnvironment environment;

		InfluxDockerComposeConnectionDetails(RunningService service) {
			super(service);
			this.url = "http://" + service.host() + ":" + service.ports().get(INFLUXDB_PORT);
			this.environment = new InfluxContainerEnvironment(service.env());
		}

		@Override
		public String getUrl() {
			return this.url;
		}

		@Override
		public InfluxApiVersion getWriteApiVersion() {
			return this.environment.getWriteApiVersion();
		}

		@Override
		@Deprecated(since = "0.1.0")
		@SuppressWarnings("deprecation")
		public ApiVersion getApiVersion() {
			return this.environment.getApiVersion();
		}

		@Override
		public @Nullable String getToken() {
			return this.environment.getToken();
		}

		@Override
		public @Nullable String getOrg() {
			return this.environment.getOrg();
		}

		@Override
		public @Nullable String getBucket() {
			return this.environment.getBucket();
		}

		@Override
		public @Nullable String getDatabase() {
			return this.environment.getDatabase();
		}

		@Override
		public @Nullable String getUsername() {
			return this.environment.getUsername();
		}

		@Override
		public @Nullable String getPassword() {
			return this.environment.getPassword();
		}

	}

}
