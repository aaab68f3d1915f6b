package io.influxspring.autoconfigure;

import io.influxspring.write.engine.BatchingWriteApiBuilder;

/**
 * Customizes the builder of every writer the starter makes: the auto-configured {@code WriteApi}
 * and each one {@link InfluxWriteApiFactory} makes, after the {@code influx.*} settings are applied
 * and before it is built. All customizer beans are applied, in their order ({@code @Order},
 * {@code Ordered}). For example, a listener or default tags on every writer:
 *
 * <pre>{@code
 * @Bean
 * InfluxWriteApiBuilderCustomizer auditListener(AuditListener listener) {
 *     return (builder) -> builder.listener(listener);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface InfluxWriteApiBuilderCustomizer {

	/** Customizes the builder of one writer. */
	void customize(BatchingWriteApiBuilder builder);

}
