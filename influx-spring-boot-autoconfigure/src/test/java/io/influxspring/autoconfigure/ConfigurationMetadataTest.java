package io.influxspring.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The IDE metadata generated from the properties: every property described, every enum hinted. */
class ConfigurationMetadataTest {

	private static final Set<String> ENUM_PROPERTIES = Set.of("influx.precision", "influx.api-version",
			"influx.write.overflow", "influx.write.line-protocol", "management.health.influx.write-failure-status");

	@Test
	void describesEveryPropertyAndHintsEveryEnum() throws Exception {
		String json;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<Map<String, Object>> properties = JsonPath.read(json, "$.properties");
		assertThat(properties).extracting((property) -> (String) property.get("name"))
			.contains("influx.url", "influx.token", "influx.org", "influx.org-id", "influx.bucket", "influx.precision",
					"influx.api-version", "influx.username", "influx.password", "influx.database",
					"influx.retention-policy", "influx.default-tags", "influx.connect-timeout", "influx.response-timeout",
					"influx.write.batch-size", "influx.write.max-batch-bytes", "influx.write.flush-interval",
					"influx.write.jitter", "influx.write.buffer-limit", "influx.write.overflow",
					"influx.write.max-concurrent-requests", "influx.write.gzip-threshold", "influx.write.close-timeout",
					"influx.write.retry.max-retries", "influx.write.retry.min-delay", "influx.write.retry.max-delay",
					"influx.write.retry.exponential-base", "influx.write.retry.jitter",
					"influx.write.retry.max-retry-time", "influx.write.client-timestamps", "influx.write.line-protocol",
					"management.health.influx.timeout");
		assertThat(properties).allSatisfy((property) -> assertThat((String) property.get("description"))
			.as("description of %s", property.get("name"))
			.isNotBlank()
			.endsWith("."));
		List<Map<String, Object>> hints = JsonPath.read(json, "$.hints");
		Map<String, Integer> hinted = hints.stream()
			.collect(Collectors.toMap((hint) -> (String) hint.get("name"), (hint) -> ((List<?>) hint.get("values")).size()));
		assertThat(hinted.keySet()).containsAll(ENUM_PROPERTIES);
		assertThat(hinted.get("influx.precision")).isEqualTo(4);
		assertThat(hinted.get("influx.write.overflow")).isEqualTo(4);
		assertThat(hinted.get("influx.write.line-protocol")).isEqualTo(2);
		assertThat(hinted.get("influx.api-version")).isEqualTo(3);
	}

}
