package io.influxspring.testcontainers;

import io.influxspring.autoconfigure.InfluxConnectionDetails;
import io.influxspring.autoconfigure.InfluxContainerEnvironment;
import io.influxspring.autoconfigure.InfluxProperties.ApiVersion;
import io.influxspring.write.InfluxApiVersion;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.InfluxDBContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link InfluxConnectionDetails} for a {@code @ServiceConnection} {@link InfluxDBContainer}:
 * InfluxDB 2 (token, organization, bucket) or InfluxDB 1 (database, user).
 */
class InfluxDbContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<InfluxDBContainer<?>, InfluxConnectionDetails> {

	InfluxDbContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "io.influxspring.autoconfigure.InfluxConnectionDetails");
	}

	@Override
	protected InfluxConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<InfluxDBContainer<?>> source) {
		return new InfluxDbContainerConnectionDetails(source);
	}

	/**
	 * Details read from the started container: its URL, and the rest from the environment it was
	 * started with (InfluxDB 2 when {@code DOCKER_INFLUXDB_INIT_*} is set, InfluxDB 1 otherwise).
	 */
	static final class InfluxDbContainerConnectionDetails extends ContainerConnectionDetails<InfluxDBContainer<?>>
			implements InfluxConnectionDetails {

		InfluxDbContainerConnectionDetails(ContainerConnectionSource<InfluxDBContainer<?>> source) {
			super(source);
		}

		private InfluxContainerEnvironment environment() {
			return new InfluxContainerEnvironment(getContainer().getEnvMap());
		}

		@Override
		public String getUrl() {
			return getContainer().getUrl();
		}

		@Override
		public InfluxApiVersion getWriteApiVersion() {
			return environment().getWriteApiVersion();
		}

		@Override
		@Deprecated(since = "0.1.0")
		@SuppressWarnings("deprecation")
		public ApiVersion getApiVersion() {
			return environment().getApiVersion();
		}

		@Override
		public @Nullable String getToken() {
			return environment().getToken();
		}

		@Override
		public @Nullable String getOrg() {
			return environment().getOrg();
		}

		@Override
		public @Nullable String getBucket() {
			return environment().getBucket();
		}

		@Override
		public @Nullable String getDatabase() {
			return environment().getDatabase();
		}

		@Override
		public @Nullable String getUsername() {
			return environment().getUsername();
		}

		@Override
		public @Nullable String getPassword() {
			return environment().getPassword();
		}

	}

}
