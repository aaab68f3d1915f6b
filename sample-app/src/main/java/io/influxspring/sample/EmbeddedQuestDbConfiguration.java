package io.influxspring.sample;

import java.nio.file.Path;

import io.influxspring.autoconfigure.InfluxConnectionDetails;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * When no {@code influx.url} is configured, starts an embedded QuestDB and hands its address to the
 * starter through an {@link InfluxConnectionDetails} bean.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedQuestDbConfiguration.NoInfluxUrl.class)
class EmbeddedQuestDbConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedQuestDbConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedQuestDb embeddedQuestDb(@Value("${sample.questdb.root:#{systemProperties['java.io.tmpdir']}/influx-spring-sample-questdb}") Path root,
			@Value("${sample.questdb.http-port:0}") int port) {
		EmbeddedQuestDb questDb = new EmbeddedQuestDb(root, port);
		logger.info("No influx.url configured: writing to an embedded QuestDB at " + questDb.url() + " (data in "
				+ root + "). Open " + questDb.url() + " for its web console, or query it: curl -G "
				+ questDb.url() + "/exec --data-urlencode \"query=SELECT * FROM jvm ORDER BY timestamp DESC LIMIT 5\"");
		return questDb;
	}

	@Bean
	InfluxConnectionDetails embeddedQuestDbConnectionDetails(EmbeddedQuestDb questDb) {
		return new InfluxConnectionDetails() {

			@Override
			public String getUrl() {
				return questDb.url();
			}

			@Override
			public String getBucket() {
				return "sample";
			}

		};
	}

	static class NoInfluxUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("influx.url");
			return url == null || url.isBlank();
		}

	}

}
