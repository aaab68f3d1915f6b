package io.influxspring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;

import io.influxspring.write.InfluxApiVersion;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.WriteTarget;
import org.jspecify.annotations.Nullable;


/**
 * Where writes go and how they authenticate: the client's {@link WriteTarget} of the connection
 * details and the API version, checked first so that a mistake fails at startup naming the
 * property to fix.
 *
 * @param baseUrl scheme, host, port and optional context path of the server
 * @param path the path and query of write requests
 * @param authorization the {@code Authorization} header value, or {@code null}
 */
record InfluxWriteTarget(String baseUrl, String path, @Nullable String authorization) {

	static InfluxWriteTarget of(InfluxConnectionDetails details, InfluxProperties properties) {
		return of(details, properties, null, properties.getRetentionPolicy(), properties.getPrecision());
	}

	/**
	 * The target of a writer for another bucket (v2) or database (v1, v3) than the configured one.
	 * @param bucket the bucket or database, or {@code null} for the configured one
	 */
	static InfluxWriteTarget of(InfluxConnectionDetails details, InfluxProperties properties, @Nullable String bucket,
			@Nullable String retentionPolicy, WritePrecision precision) {
		String url = checkUrl(details.getUrl());
		InfluxSecrets.checkNoControlCharacters(details.getToken(), "influx.token");
		InfluxSecrets.checkNoControlCharacters(details.getPassword(), "influx.password");
		InfluxSecrets.checkNoControlCharacters(details.getUsername(), "influx.username");
		InfluxApiVersion version = (details.getWriteApiVersion() != null) ? details.getWriteApiVersion()
				: InfluxApiVersion.valueOf(properties.getApiVersion().name());
		WriteTarget.Builder target = WriteTarget.builder(version, url)
			.token(details.getToken())
			.username(details.getUsername())
			.password(details.getPassword())
			.retentionPolicy(retentionPolicy)
			.precision(precision)
			.acceptPartial(properties.getWrite().isAcceptPartial())
			.noSync(properties.getWrite().isNoSync());
		if (version == InfluxApiVersion.V2) {
			if (hasText(details.getOrg()) && hasText(details.getOrgId())) {
				throw new InfluxConfigurationException("influx.org-id", details.getOrgId(),
						"influx.org and influx.org-id are both set",
						"Set either influx.org (the organization's name) or influx.org-id (its ID), not both.");
			}
			target.org(details.getOrg())
				.orgId(details.getOrgId())
				.bucket(required((bucket != null) ? bucket : details.getBucket(), "influx.bucket", version));
		}
		else {
			target.database(required((bucket != null) ? bucket : details.getDatabase(), "influx.database", version));
		}
		WriteTarget built = target.build();
		return new InfluxWriteTarget(built.baseUrl(), built.path(), built.authorization());
	}

	private static String checkUrl(String url) {
		String shown = InfluxSecrets.hideInUrl(url);
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw new InfluxConfigurationException("influx.url", shown,
					"Not a valid URL: " + ex.getReason() + " at index " + ex.getIndex(),
					"Set influx.url to the server's base URL, e.g. http://localhost:8086.");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InfluxConfigurationException("influx.url", shown, "Credentials do not belong in the URL",
					"Remove the user information from influx.url and set influx.token, or influx.username and influx.password.");
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
			throw new InfluxConfigurationException("influx.url", shown, "Not an http:// or https:// URL with a host",
					"Set influx.url to the server's base URL, e.g. http://localhost:8086.");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new InfluxConfigurationException("influx.url", shown, "The URL has a query or fragment",
					"Set influx.url to the server's base URL only; the starter adds the write path and query.");
		}
		String text = uri.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	private static String required(@Nullable String value, String property, InfluxApiVersion version) {
		if (!hasText(value)) {
			throw new InfluxConfigurationException(property, null,
					property + " is required with influx.api-version=" + version.name().toLowerCase(),
					"Set " + property + " to the " + ((version == InfluxApiVersion.V2) ? "bucket" : "database")
							+ " to write to, or set influx.api-version to the API your server offers (v1, v2 or v3).");
		}
		return value;
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		return "InfluxWriteTarget[" + this.baseUrl + this.path + "]";
	}

}
