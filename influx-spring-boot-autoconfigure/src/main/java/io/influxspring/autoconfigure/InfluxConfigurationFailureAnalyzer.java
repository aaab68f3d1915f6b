package io.influxspring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Describes an {@link InfluxConfigurationException} in Boot's "APPLICATION FAILED TO START"
 * report: the property, its value and what is wrong, and the action that fixes it.
 */
class InfluxConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InfluxConfigurationException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InfluxConfigurationException cause) {
		StringBuilder description = new StringBuilder("The InfluxDB writer cannot start: ");
		if (cause.getValue() == null) {
			description.append("property '").append(cause.getName()).append("' is missing.");
		}
		else {
			description.append("property '").append(cause.getName()).append("' has the invalid value '")
				.append(cause.getValue()).append("'.");
		}
		description.append(System.lineSeparator()).append(System.lineSeparator()).append("Reason: ")
			.append(cause.getReason());
		return new FailureAnalysis(description.toString(), cause.getAction(), cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
