package io.influxspring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * An {@code influx.*} property whose value keeps the writer from starting, with what to do about
 * it; turned into Boot's startup failure report by {@link InfluxConfigurationFailureAnalyzer}.
 *
 * @since 0.1.0
 */
public class InfluxConfigurationException extends InvalidConfigurationPropertyValueException {

	private final String action;

	/**
	 * @param property the property's name, e.g. {@code influx.bucket}
	 * @param value its value (never a secret), or {@code null} when missing
	 * @param reason what is wrong with it
	 * @param action what to do about it
	 */
	public InfluxConfigurationException(String property, @Nullable Object value, String reason, String action) {
		super(property, value, reason);
		this.action = action;
	}

	/** What to do about it. */
	public String getAction() {
		return this.action;
	}

}
