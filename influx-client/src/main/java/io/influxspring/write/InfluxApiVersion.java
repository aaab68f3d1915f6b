package io.influxspring.write;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * The write API a server offers, and how a write request to it is addressed and authenticated.
 * Build a {@link WriteTarget} with one rather than using these rules directly.
 *
 * @since 0.1.0
 */
public enum InfluxApiVersion {

	/**
	 * InfluxDB 1.x: {@code /write?db=&rp=&precision=} (precision {@code u} for microseconds), HTTP
	 * Basic from user name and password, or {@code Token <token>}.
	 */
	V1("/write") {

		@Override
		String query(WriteTarget.Builder target) {
			StringJoiner query = new StringJoiner("&", "?", "");
			query.add("db=" + encode(required(target.database, "database")));
			if (hasText(target.retentionPolicy)) {
				query.add("rp=" + encode(target.retentionPolicy));
			}
			return query.add("precision=" + precision(target.precision)).toString();
		}

		@Override
		@Nullable String authorization(WriteTarget.Builder target) {
			if (!hasText(target.username)) {
				return super.authorization(target);
			}
			String credentials = target.username + ":" + ((target.password != null) ? target.password : "");
			return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String precision(WritePrecision precision) {
			return (precision == WritePrecision.US) ? "u" : precision.queryValue();
		}

	},

	/** InfluxDB 2.x and compatible servers: {@code /api/v2/write?org=&bucket=&precision=}, {@code Token <token>}. */
	V2("/api/v2/write") {

		@Override
		String query(WriteTarget.Builder target) {
			StringJoiner query = new StringJoiner("&", "?", "");
			if (hasText(target.org) && hasText(target.orgId)) {
				throw new IllegalArgumentException("org and orgId are both set; set one of them");
			}
			if (hasText(target.orgId)) {
				query.add("orgID=" + encode(target.orgId));
			}
			else if (hasText(target.org)) {
				query.add("org=" + encode(target.org));
			}
			query.add("bucket=" + encode(required(target.bucket, "bucket")));
			return query.add("precision=" + precision(target.precision)).toString();
		}

	},

	/**
	 * InfluxDB 3: {@code /api/v3/write_lp?db=&precision=&accept_partial=&no_sync=}, {@code Bearer <token>}.
	 */
	V3("/api/v3/write_lp") {

		@Override
		String query(WriteTarget.Builder target) {
			return new StringJoiner("&", "?", "").add("db=" + encode(required(target.database, "database")))
				.add("precision=" + precision(target.precision))
				.add("accept_partial=" + target.acceptPartial)
				.add("no_sync=" + target.noSync)
				.toString();
		}

		@Override
		@Nullable String authorization(WriteTarget.Builder target) {
			return hasText(target.token) ? "Bearer " + target.token : null;
		}

		@Override
		public String precision(WritePrecision precision) {
			return switch (precision) {
				case NS -> "nanosecond";
				case US -> "microsecond";
				case MS -> "millisecond";
				case S -> "second";
			};
		}

	};

	private final String writePath;

	InfluxApiVersion(String writePath) {
		this.writePath = writePath;
	}

	/** The path of write requests, without the query, e.g. {@code /api/v2/write}. */
	public String writePath() {
		return this.writePath;
	}

	/** How this API names {@code precision} in the query of a write request. */
	public String precision(WritePrecision precision) {
		return precision.queryValue();
	}

	/** The query of a write request, from {@code ?}. */
	abstract String query(WriteTarget.Builder target);

	/** The {@code Authorization} header value, or {@code null} without credentials. */
	@Nullable String authorization(WriteTarget.Builder target) {
		return hasText(target.token) ? "Token " + target.token : null;
	}

	/** The value of a parameter this API requires. */
	String required(@Nullable String value, String parameter) {
		if (!hasText(value)) {
			throw new IllegalArgumentException(parameter + " is required with API " + name().toLowerCase(Locale.ROOT));
		}
		return value;
	}

	static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	/** URL-encodes a query value, a space as {@code %20}. */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
