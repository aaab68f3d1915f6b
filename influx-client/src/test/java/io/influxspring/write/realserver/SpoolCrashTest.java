package io.influxspring.write.realserver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.spool.SpoolSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application killed ({@code kill -9}) during an outage with every line written and flushed:
 * a writer started on the same spool directory sends them all to the real InfluxDB 1.6 once it
 * answers, and each point is stored once.
 */
class SpoolCrashTest {

	private static final int POINTS = 100_000;

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server();

	@TempDir
	Path directory;

	@Test
	void linesSpooledBeforeAKillAreStoredAfterTheRestart() throws Exception {
		influx.createDatabase("crash");
		String downUrl;
		try (ServerSocket unused = new ServerSocket(0)) {
			downUrl = "http://127.0.0.1:" + unused.getLocalPort();
		}
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SpoolCrashProbe.class.getName(), this.directory.toString(),
				downUrl, Integer.toString(POINTS))
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			do {
				line = output.readLine();
			}
			while (line != null && !line.startsWith("SPOOLED"));
			assertThat(line).isEqualTo("SPOOLED " + POINTS);
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			child.destroyForcibly();
		}
		assertThat(influx.count("crash", "crash")).isZero();
		BatchingWriteApi writer = BatchingWriteApi.builder(WebClient.create(), influx.url())
			.path("/write?db=crash&precision=ns")
			.spool(this.directory, SpoolSettings.defaults())
			.build();
		try {
			assertThat(writer.getStatistics().replayed()).isEqualTo(POINTS);
			writer.flush().get(60, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(30)).until(() -> influx.count("crash", "crash") == POINTS);
			assertThat(writer.getStatistics().written()).isEqualTo(POINTS);
			assertThat(writer.getStatistics().spooledLines()).isZero();
		}
		finally {
			writer.close();
		}
	}

}
