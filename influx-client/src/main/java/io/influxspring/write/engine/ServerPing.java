package io.influxspring.write.engine;

import org.jspecify.annotations.Nullable;

/**
 * The server's answer to {@code GET /ping}.
 * @param statusCode the HTTP status: 204 from InfluxDB 1.x and 2.x, 200 from InfluxDB 3
 * @param version the server version ({@code X-Influxdb-Version} header or JSON {@code version}), if told
 * @since 0.1.0
 */
public record ServerPing(int statusCode, @Nullable String version) {

	/** Whether the server answered 2xx. */
	public boolean isUp() {
		return this.statusCode >= 200 && this.statusCode < 300;
	}

}
