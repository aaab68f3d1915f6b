package io.influxspring.autoconfigure;

import io.influxspring.write.InfluxApiVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where and as whom to write: the server's URL, credentials and target. Backed by the
 * {@code influx.*} properties by default; define a bean of this type to supply them another way
 * (Docker Compose, Testcontainers, an embedded server).
 *
 * @since 0.1.0
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

	/**
	 * The write API the server offers, or {@code null} to use {@code influx.api-version}.
	 * @deprecated since 0.1.0 in favor of {@link #getWriteApiVersion()}, which the starter reads; still
	 * read through its default
	 */
	@Deprecated(since = "0.1.0")
	default InfluxProperties.@Nullable ApiVersion getApiVersion() {
		return null;
	}

	/**
	 * The write API the server offers, or {@code null} to use {@code influx.api-version}; by default
	 * the one of {@link #getApiVersion()}.
	 * @since 0.1.0
	 */
	@SuppressWarnings("deprecation")
	default @Nullable InfluxApiVersion getWriteApiVersion() {
		InfluxProperties.ApiVersion version = getApiVersion();
		return (version != null) ? InfluxApiVersion.valueOf(version.name()) : null;
	}

}
