package io.influxspring.autoconfigure.actuate;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of a
 * {@link SanitizingFunction} that masks {@code influx.token} and {@code influx.password} (and any
 * other {@code influx.*} key ending in {@code token} or {@code password}) in
 * {@code /actuator/configprops} and {@code /actuator/env}, even when they show values, as property
 * names or environment variables ({@code INFLUX_TOKEN}).
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class InfluxSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "influxSanitizingFunction")
	SanitizingFunction influxSanitizingFunction() {
		return SanitizingFunction.sanitizeValue().ifKeyMatches(InfluxSanitizingAutoConfiguration::isSecret);
	}

	/** Whether the key, in any relaxed form, is an {@code influx.*} token or password. */
	static boolean isSecret(String key) {
		String name = key.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
		if (!name.startsWith("influx.")) {
			return false;
		}
		String last = name.substring(name.lastIndexOf('.') + 1);
		return last.equals("token") || last.equals("password");
	}

}
