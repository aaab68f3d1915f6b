package io.influxspring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where and as whom to write: the server's URL, credentials and target. Backed by the
 * {@code influx.*} properties by default; define a bean of this type to supply them another way
 * (Docker Compose, Testcontainers, an embedded server).
 */
public interface InfluxConnectionDetails extends ConnectionDetails {

	/** Base URL of the server, e.g. {@code http://localhost:8086}. */
	String getUrl();

	/** API token (v2 and v3), or {@code null}. */
	default @Nullable String getToken() {
		return null;
	}

	/** User name (v1), or {@code null}. */
	default @Nullable String getUsername() {
		return null;
	}

	/** Password (v1), or {@code null}. */
	default @Nullable String getPassword() {
		return null;
	}

	/** Organization name (v2), or {@code null}. */
	default @Nullable String getOrg() {
		return null;
	}

	/** Organization ID (v2), or {@code null}. */
	default @Nullable String getOrgId() {
		return null;
	}

	/** Bucket (v2), or {@code null}. */
	default @Nullable String getBucket() {
		return null;
	}

	/** Database (v1 and v3), or {@code null}. */
	default @Nullable String getDatabase() {
		return null;
	}

	/** The write API the server offers, or {@code null} to use {@code influx.api-version}. */
	default InfluxProperties.@Nullable ApiVersion getApiVersion() {
		return null;
	}

}
