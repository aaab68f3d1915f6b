package io.influxspring.sample;

import org.springframework.boot.test.web.server.LocalServerPort;
import java.util.List;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Starts the sample on its embedded default and reads the rows it writes back from QuestDB. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTest {

	@LocalServerPort
	int port;

	@TempDir
	static Path questDbRoot;

	@DynamicPropertySource
	static void questDb(DynamicPropertyRegistry registry) {
		registry.add("sample.questdb.root", () -> questDbRoot.toString());
	}

	@Autowired
	EmbeddedQuestDb questDb;

	@Autowired
	BatchingWriteApi writeApi;

	@Test
	void writesToTheEmbeddedQuestDbByPortableRules() {
		assertThat(this.writeApi.getOptions().lineProtocol()).isEqualTo(LineProtocolDialect.PORTABLE);
	}

	@Test
	void showsTheInfluxHealthComponentAndMetrics() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> health = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		String status = JsonPath.read(health.body(), "$.components.influx.status");
		String url = JsonPath.read(health.body(), "$.components.influx.details.url");
		assertThat(status).isEqualTo("UP");
		assertThat(url).isEqualTo(this.questDb.url());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> metric = http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/metrics/influx.write.lines?tag=outcome:written"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(metric.statusCode()).as(metric.body()).isEqualTo(200);
			Number written = JsonPath.read(metric.body(), "$.measurements[0].value");
			assertThat(written.doubleValue()).isPositive();
		});
	}

	@Test
	void writesPlacedOrdersToTheEmbeddedQuestDb() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String country : new String[] { "DE", "FR", "DE" }) {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/orders"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"country\":\"" + country + "\",\"payment\":\"card\",\"amount\":10.5,\"items\":2}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		}
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			String query = URLEncoder.encode("SELECT country, count(), sum(amount), sum(items) FROM order_placed ORDER BY country",
					StandardCharsets.UTF_8);
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(this.questDb.url() + "/exec?query=" + query)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			List<List<Object>> rows = JsonPath.read(response.body(), "$.dataset");
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0)).containsExactly("DE", 2, 21.0, 4);
			assertThat(rows.get(1)).containsExactly("FR", 1, 10.5, 2);
		});
	}

	@Test
	void writesJvmStatisticsToTheEmbeddedQuestDb() {
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			String query = URLEncoder.encode("SELECT count(), max(threads), first(app) FROM jvm", StandardCharsets.UTF_8);
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(this.questDb.url() + "/exec?query=" + query)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			Number count = JsonPath.read(response.body(), "$.dataset[0][0]");
			Number threads = JsonPath.read(response.body(), "$.dataset[0][1]");
			String app = JsonPath.read(response.body(), "$.dataset[0][2]");
			assertThat(count.longValue()).isGreaterThanOrEqualTo(2);
			assertThat(threads.longValue()).isPositive();
			assertThat(app).isEqualTo("influx-sample");
		});
	}

}
