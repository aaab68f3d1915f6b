package io.influxspring.autoconfigure;

import java.util.Map;

import io.influxspring.autoconfigure.InfluxProperties.ApiVersion;
import io.influxspring.write.InfluxApiVersion;
import org.jspecify.annotations.Nullable;

/**
 * What the environment of an official {@code influxdb} container says about connecting to it:
 * InfluxDB 2 set up by {@code DOCKER_INFLUXDB_INIT_*} variables, or InfluxDB 1 by {@code INFLUXDB_*}.
 * Used by the Docker Compose and Testcontainers service connections.
 *
 * @since 0.1.0
 */
public final class InfluxContainerEnvironment {

	private final InfluxApiVersion apiVersion;

	private final @Nullable String token;

	private final @Nullable String org;

	private final @Nullable String bucket;

	private final @Nullable String database;

	private final @Nullable String username;

	private final @Nullable String password;

	/** Reads the container's environment variables. */
	public InfluxContainerEnvironment(Map<String, ? extends @Nullable String> env) {
		boolean v2 = env.keySet().stream().anyMatch((name) -> name.startsWith("DOCKER_INFLUXDB_INIT_"));
		boolean v1 = env.keySet().stream().anyMatch((name) -> name.startsWith("INFLUXDB_") && !name.startsWith("INFLUXDB3_"));
		this.apiVersion = (!v2 && v1) ? InfluxApiVersion.V1 : InfluxApiVersion.V2;
		if (this.apiVersion == InfluxApiVersion.V2) {
			this.token = env.get("DOCKER_INFLUXDB_INIT_ADMIN_TOKEN");
			this.org = env.get("DOCKER_INFLUXDB_INIT_ORG");
			this.bucket = env.get("DOCKER_INFLUXDB_INIT_BUCKET");
			this.database = null;
			this.username = null;
			this.password = null;
		}
		else {
			this.token = null;
			this.org = null;
			this.bucket = null;
			this.database = env.get("INFLUXDB_DB");
			boolean user = env.get("INFLUXDB_USER") != null;
			this.username = user ? env.get("INFLUXDB_USER") : env.get("INFLUXDB_ADMIN_USER");
			this.password = user ? env.get("INFLUXDB_USER_PASSWORD") : env.get("INFLUXDB_ADMIN_PASSWORD");
		}
	}

	/** The write API the container offers. */
	public InfluxApiVersion getWriteApiVersion() {
		return this.apiVersion;
	}

	/**
	 * The write API the container offers.
	 * @deprecated since 0.1.0 in favor of {@link #getWriteApiVersion()}
	 */
	@Deprecated(since = "0.1.0")
	public ApiVersion getApiVersion() {
		return ApiVersion.valueOf(this.apiVersion.name());
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public @Nullable String getOrg() {
		return this.org;
	}

	public @Nullable String getBucket() {
		return this.bucket;
	}

	public @Nullable String getDatabase() {
		return this.database;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

}
