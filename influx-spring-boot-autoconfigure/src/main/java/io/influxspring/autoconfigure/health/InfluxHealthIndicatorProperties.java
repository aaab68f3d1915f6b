package io.influxspring.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the InfluxDB health indicator.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("management.health.influx")
public class InfluxHealthIndicatorProperties {

	/**
	 * How long to wait for the server's answer to /ping.
	 */
	private Duration timeout = Duration.ofSeconds(2);

	/**
	 * How long writes may keep failing before the health status turns to the write failure status.
	 */
	private Duration writeFailureThreshold = Duration.ofMinutes(1);

	/**
	 * Health status reported while writes have failed for longer than the threshold.
	 */
	private String writeFailureStatus = "DOWN";

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getWriteFailureThreshold() {
		return this.writeFailureThreshold;
	}

	public void setWriteFailureThreshold(Duration writeFailureThreshold) {
		this.writeFailureThreshold = writeFailureThreshold;
	}

	public String getWriteFailureStatus() {
		return this.writeFailureStatus;
	}

	public void setWriteFailureStatus(String writeFailureStatus) {
		this.writeFailureStatus = writeFailureStatus;
	}

}
