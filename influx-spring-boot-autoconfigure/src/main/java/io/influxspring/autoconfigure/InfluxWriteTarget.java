package io.influxspring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.StringJoiner;

import io.influxspring.autoconfigure.InfluxProperties.ApiVersion;
import io.influxspring.write.WritePrecision;
import org.jspecify.annotations.Nullable;


/**
 * Where writes go and how they authenticate, derived from the connection details and the API
 * version, and checked so that a mistake fails at startup naming the property to fix.
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
		ApiVersion version = (details.getApiVersion() != null) ? details.getApiVersion() : properties.getApiVersion();
		StringJoiner query = new StringJoiner("&", "?", "");
		String path;
		String authorization = bearer(version, details.getToken());
		switch (version) {
			case V1 -> {
				path = "/write";
				query.add("db=" + encode(required((bucket != null) ? bucket : details.getDatabase(), "influx.database", version)));
				if (hasText(retentionPolicy)) {
					query.add("rp=" + encode(retentionPolicy));
				}
				query.add("precision=" + ((precision == WritePrecision.US) ? "u" : precision.queryValue()));
				if (hasText(details.getUsername())) {
					String credentials = details.getUsername() + ":" + ((details.getPassword() != null) ? details.getPassword() : "");
					authorization = "Basic "
							+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
				}
			}
			case V2 -> {
				path = "/api/v2/write";
				if (hasText(details.getOrg()) && hasText(details.getOrgId())) {
					throw new InfluxConfigurationException("influx.org-id", details.getOrgId(),
							"influx.org and influx.org-id are both set",
							"Set either influx.org (the organization's name) or influx.org-id (its ID), not both.");
				}
				if (hasText(details.getOrgId())) {
					query.add("orgID=" + encode(details.getOrgId()));
				}
				else if (hasText(details.getOrg())) {
					query.add("org=" + encode(details.getOrg()));
				}
				query.add("bucket=" + encode(required((bucket != null) ? bucket : details.getBucket(), "influx.bucket", version)));
				query.add("precision=" + precision.queryValue());
			}
			default -> {
				path = "/api/v3/write_lp";
				query.add("db=" + encode(required((bucket != null) ? bucket : details.getDatabase(), "influx.database", version)));
				query.add("precision=" + v3Precision(precision));
				query.add("accept_partial=" + properties.getWrite().isAcceptPartial());
				query.add("no_sync=" + properties.getWrite().isNoSync());
			}
		}
		return new InfluxWriteTarget(url, path + query, authorization);
	}

	private static @Nullable String bearer(ApiVersion version, @Nullable String token) {
		if (!hasText(token)) {
			return null;
		}
		return ((version == ApiVersion.V3) ? "Bearer " : "Token ") + token;
	}

	private static String v3Precision(WritePrecision precision) {
		return switch (precision) {
			case NS -> "nanosecond";
			case US -> "microsecond";
			case MS -> "millisecond";
			case S -> "second";
		};
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

	private static String required(@Nullable String value, String property, ApiVersion version) {
		if (!hasText(value)) {
			throw new InfluxConfigurationException(property, null,
					property + " is required with influx.api-version=" + version.name().toLowerCase(),
					"Set " + property + " to the " + ((version == ApiVersion.V2) ? "bucket" : "database")
							+ " to write to, or set influx.api-version to the API your server offers (v1, v2 or v3).");
		}
		return value;
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@Override
	public String toString() {
		return "InfluxWriteTarget[" + this.baseUrl + this.path + "]";
	}

}
