package io.influxspring.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** Each invalid configuration ends in a startup report naming the property and the fix. */
@ExtendWith(OutputCaptureExtension.class)
class InfluxConfigurationFailureAnalyzerTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InfluxAutoConfiguration.class));

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			influx.url=http://localhost:8086                          | influx.bucket    | is missing          | Set influx.bucket to the bucket
			influx.url=http://localhost:8086,influx.api-version=v1    | influx.database  | is missing          | Set influx.database to the database
			influx.url=http://localhost:8086,influx.api-version=v3    | influx.database  | is missing          | Set influx.database to the database
			influx.url=localhost:8086,influx.bucket=b                 | influx.url       | 'localhost:8086'    | e.g. http://localhost:8086
			influx.url=http://u:secret@h:8086,influx.bucket=b         | influx.url       | hidden              | Remove the user information
			influx.url=http://h:8086?x=1,influx.bucket=b              | influx.url       | query or fragment   | base URL only
			influx.url=http://h,influx.bucket=b,influx.org=o,influx.org-id=i | influx.org-id | both set         | not both
			influx.url=http://h,influx.bucket=b,influx.write.batch-size=-5    | influx.write.batch-size | '-5' | Change influx.write.batch-size
			influx.url=http://h,influx.bucket=b,influx.write.buffer-limit=1   | influx.write.buffer-limit | at least | Change influx.write.buffer-limit
			""")
	void describesTheProblemAndTheFix(String properties, String property, String description, String action) {
		this.runner.withPropertyValues(properties.split(",")).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InfluxConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'" + property + "'").contains(description)
				.doesNotContain("secret");
			assertThat(analysis.getAction()).contains(action);
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			http://h:8086?token=s3cr3t              | http://h:8086?(hidden)
			http://h:8086/#s3cr3t                   | http://h:8086/#(hidden)
			http://u:s3cr3t@h:8086                  | http://(hidden)@h:8086
			ftp://u:s3cr3t@h                        | ftp://(hidden)@h
			localhost:8086?token=s3cr3t             | localhost:8086?(hidden)
			http://u:s3cr3t@                        | http://(hidden)@
			http://h:8086/a b?token=s3cr3t          | http://h:8086/a b?(hidden)
			http://u:s3 cr3t@h:8086                 | http://(hidden)@h:8086
			""")
	void neverEchoesTheQueryOrUserInfoOfAUrl(String url, String shown) {
		this.runner.withPropertyValues("influx.url=" + url, "influx.bucket=b").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InfluxConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'influx.url'").contains("'" + shown + "'");
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("s3cr3t");
			assertThat(messages(context.getStartupFailure())).doesNotContain("s3cr3t");
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			influx.token    | 's3cr3t\\n'
			influx.token    | 's3cr3t\\r\\nX-Injected: 1'
			influx.token    | 's3\\0cr3t'
			influx.password | 's3cr3t\\n'
			influx.password | 's3\\tcr3t'
			""")
	void rejectsControlCharactersInTheTokenAndPasswordWithoutEchoingThem(String property, String escaped) {
		String value = escaped.translateEscapes();
		this.runner.withPropertyValues("influx.url=http://h:8086", "influx.bucket=b", "influx.username=u")
			.withInitializer((context) -> context.getEnvironment().getPropertySources()
				.addFirst(new MapPropertySource("secrets", Map.of(property, value))))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InfluxConfigurationException.class);
				FailureAnalysis analysis = new InfluxConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("'" + property + "'").contains("control character");
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("s3").doesNotContain("cr3t");
				assertThat(messages(context.getStartupFailure())).doesNotContain("s3").doesNotContain("cr3t");
			});
	}

	@Test
	void acceptsATokenAndPasswordWithoutControlCharacters() {
		this.runner.withPropertyValues("influx.url=http://h:8086", "influx.bucket=b", "influx.token=a b~é",
				"influx.username=u", "influx.password=p@ss w:rd")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			messages.append(ex).append('\n');
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(InfluxAutoConfiguration.class)
	static class App {

	}

	@Test
	void printsTheReportAtStartup(CapturedOutput output) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--influx.url=http://localhost:8086"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("property 'influx.bucket' is missing")
			.contains("Set influx.bucket to the bucket to write to");
	}

	@Test
	void namesTheValidValuesOfAnUnknownPrecision(CapturedOutput output) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(
				() -> application.run("--influx.url=http://localhost:8086", "--influx.bucket=b", "--influx.precision=minutes"));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("influx.precision").contains("minutes")
			.contains("NS").contains("MS");
	}

}
