package io.influxspring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Matches when {@code influx.url} is set or an {@link InfluxConnectionDetails} bean is defined. */
class OnInfluxConnectionCondition extends AnyNestedCondition {

	OnInfluxConnectionCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnProperty(prefix = "influx", name = "url")
	static class UrlProperty {

	}

	@ConditionalOnBean(InfluxConnectionDetails.class)
	static class ConnectionDetailsBean {

	}

}
