package io.influxspring.write;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where write requests go and how they authenticate: the server's base URL, the path and query of
 * write requests and the {@code Authorization} header, derived from an {@link InfluxApiVersion} and
 * its parameters, which are checked when built. For example:
 *
 * <pre>{@code
 * WriteTarget target = WriteTarget.v2("http://localhost:8086").token(token).org("o").bucket("b").build();
 * WriteApi writeApi = BatchingWriteApi.builder(WebClient.create(), target.baseUrl()).target(target).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class WriteTarget {

	private final InfluxApiVersion apiVersion;

	private final String baseUrl;

	private final String path;

	private final @Nullable String authorization;

	private final WritePrecision precision;

	private WriteTarget(Builder builder) {
		this.apiVersion = builder.apiVersion;
		this.baseUrl = checkUrl(builder.url);
		checkNoControlCharacters(builder.token, "token");
		checkNoControlCharacters(builder.username, "username");
		checkNoControlCharacters(builder.password, "password");
		this.path = this.apiVersion.writePath() + this.apiVersion.query(builder);
		this.authorization = this.apiVersion.authorization(builder);
		this.precision = builder.precision;
	}

	/** The precision the server reads timestamps in; a writer's options must encode them in the same. */
	public WritePrecision precision() {
		return this.precision;
	}

	/** A target on an InfluxDB 1.x server (or one with its API) at {@code url}; a database is required. */
	public static Builder v1(String url) {
		return builder(InfluxApiVersion.V1, url);
	}

	/** A target on an InfluxDB 2.x server (or one with its API) at {@code url}; a bucket is required. */
	public static Builder v2(String url) {
		return builder(InfluxApiVersion.V2, url);
	}

	/** A target on an InfluxDB 3 server at {@code url}; a database is required. */
	public static Builder v3(String url) {
		return builder(InfluxApiVersion.V3, url);
	}

	/**
	 * A target on a server with the given API at {@code url}, its base URL: scheme, host, port and
	 * optional context path, e.g. {@code http://localhost:8086}.
	 */
	public static Builder builder(InfluxApiVersion apiVersion, String url) {
		return new Builder(apiVersion, url);
	}

	/** The API written to. */
	public InfluxApiVersion apiVersion() {
		return this.apiVersion;
	}

	/** Scheme, host, port and optional context path of the server, without a trailing slash. */
	public String baseUrl() {
		return this.baseUrl;
	}

	/** The path and query of write requests, e.g. {@code /api/v2/write?org=o&bucket=b&precision=ns}. */
	public String path() {
		return this.path;
	}

	/** The {@code Authorization} header value, or {@code null} without credentials. */
	public @Nullable String authorization() {
		return this.authorization;
	}

	/** The URL of write requests, never the credentials. */
	@Override
	public String toString() {
		return "WriteTarget[" + this.baseUrl + this.path + "]";
	}

	private static String checkUrl(String url) {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("url is not a valid URL: " + ex.getReason() + " at index " + ex.getIndex());
		}
		if (uri.getRawUserInfo() != null) {
			throw new IllegalArgumentException("url must not carry credentials (user information); set them apart");
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
			throw new IllegalArgumentException("url must be an http:// or https:// URL with a host");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new IllegalArgumentException("url must be a base URL without a query or fragment");
		}
		String text = uri.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	private static void checkNoControlCharacters(@Nullable String secret, String parameter) {
		if (secret != null && secret.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException(parameter + " must not contain a control character (CR, LF, tab or another)");
		}
	}

	/** Builds a {@link WriteTarget}; parameters an API does not use are ignored. */
	public static final class Builder {

		final InfluxApiVersion apiVersion;

		final String url;

		@Nullable String token;

		@Nullable String username;

		@Nullable String password;

		@Nullable String org;

		@Nullable String orgId;

		@Nullable String bucket;

		@Nullable String database;

		@Nullable String retentionPolicy;

		WritePrecision precision = WritePrecision.NS;

		boolean acceptPartial = true;

		boolean noSync;

		private Builder(InfluxApiVersion apiVersion, String url) {
			this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion must not be null");
			this.url = Objects.requireNonNull(url, "url must not be null");
		}

		/** The API token: {@code Token <token>} (v1, v2) or {@code Bearer <token>} (v3). */
		public Builder token(@Nullable String token) {
			this.token = token;
			return this;
		}

		/** The user name (v1), sent with the password as HTTP Basic; it wins over a token. */
		public Builder username(@Nullable String username) {
			this.username = username;
			return this;
		}

		/** The password (v1). */
		public Builder password(@Nullable String password) {
			this.password = password;
			return this;
		}

		/** The organization's name (v2); not with {@link #orgId(String)}. */
		public Builder org(@Nullable String org) {
			this.org = org;
			return this;
		}

		/** The organization's ID (v2); not with {@link #org(String)}. */
		public Builder orgId(@Nullable String orgId) {
			this.orgId = orgId;
			return this;
		}

		/** The bucket (v2), required there. */
		public Builder bucket(@Nullable String bucket) {
			this.bucket = bucket;
			return this;
		}

		/** The database (v1, v3), required there. */
		public Builder database(@Nullable String database) {
			this.database = database;
			return this;
		}

		/** The retention policy (v1), or {@code null} for the database's default. */
		public Builder retentionPolicy(@Nullable String retentionPolicy) {
			this.retentionPolicy = retentionPolicy;
			return this;
		}

		/** The precision of timestamps, nanoseconds by default; the writer's options must say the same. */
		public Builder precision(WritePrecision precision) {
			this.precision = Objects.requireNonNull(precision, "precision must not be null");
			return this;
		}

		/** Whether the server writes the valid lines of a batch with invalid ones (v3); {@code true} by default. */
		public Builder acceptPartial(boolean acceptPartial) {
			this.acceptPartial = acceptPartial;
			return this;
		}

		/** Whether the server answers before the write-ahead log is persisted (v3); {@code false} by default. */
		public Builder noSync(boolean noSync) {
			this.noSync = noSync;
			return this;
		}

		/**
		 * The target.
		 * @throws IllegalArgumentException naming the parameter missing or invalid
		 */
		public WriteTarget build() {
			return new WriteTarget(this);
		}

	}

}
