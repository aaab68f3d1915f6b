package io.influxspring.write.realserver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.write.Point;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.spool.SpoolLockedException;
import io.influxspring.write.spool.SpoolSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The spool against the real InfluxDB 1.6: the application killed ({@code kill -9}) during an
 * outage with every line written and flushed, and a writer started on the same directory sends them
 * all once the server answers, each point stored once; a second process on the directory fails; an
 * outage four times {@code max-retry-time} loses nothing.
 */
class SpoolCrashTest {

	private static final int POINTS = 100_000;

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server();

	@TempDir
	Path directory;

	@Test
	void anOutageFourTimesTheRetryTimeLosesNothing() throws Exception {
		influx.createDatabase("outage");
		BatchingWriteApi writer = BatchingWriteApi.builder(WebClient.create(), influx.url())
			.path("/write?db=outage&precision=ns")
			.options(WriteOptions.builder()
				.minRetryDelay(Duration.ofMillis(50))
				.maxRetryDelay(Duration.ofMillis(200))
				.maxRetryTime(Duration.ofMillis(500))
				.build())
			.spool(this.directory, SpoolSettings.defaults())
			.build();
		try {
			influx.kill();
			for (int i = 0; i < 1000; i++) {
				writer.writePoint(Point.measurement("outage").field("i", i));
			}
			writer.flush();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				Instant since = writer.getStatistics().failingSince();
				return since != null && Duration.between(since, Instant.now()).toMillis() > 4 * 500;
			});
			assertThat(writer.getStatistics().failed()).isZero();
			assertThat(writer.getStatistics().spooledLines()).isEqualTo(1000);
			influx.restart();
			writer.flush(true).get(60, TimeUnit.SECONDS);
			assertThat(influx.count("outage", "outage")).isEqualTo(1000);
			assertThat(writer.getStatistics().written()).isEqualTo(1000);
			assertThat(writer.getStatistics().failed()).isZero();
		}
		finally {
			writer.close();
		}
	}

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
			assertThatExceptionOfType(SpoolLockedException.class).as("a second process on the directory")
				.isThrownBy(() -> BatchingWriteApi.builder(WebClient.create(), influx.url())
					.spool(this.directory, SpoolSettings.defaults())
					.build())
				.withMessageContaining(this.directory.toString());
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
