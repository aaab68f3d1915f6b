package io.influxspring.write.realserver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.write.Point;
import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
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
 * outage four times {@code max-retry-time} loses nothing; a 256 KB spool through an outage stores
 * or drops every line, exactly once; a segment torn after a kill sends its intact batches only.
 */
class SpoolCrashTest {

	private static final int POINTS = 100_000;

	private static final int SMALL_POINTS = 50_000;

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
		Process child = spoolInChild("crash", POINTS);
		try {
			assertThatExceptionOfType(SpoolLockedException.class).as("a second process on the directory")
				.isThrownBy(() -> BatchingWriteApi.builder(WebClient.create(), influx.url())
					.spool(this.directory, SpoolSettings.defaults())
					.build())
				.withMessageContaining(this.directory.toString());
		}
		finally {
			kill(child);
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

	@Test
	void aSmallSpoolThroughAnOutageStoresOrDropsEveryLineExactlyOnce() throws Exception {
		influx.createDatabase("small");
		List<String> dropped = new CopyOnWriteArrayList<>();
		BatchingWriteApi writer = BatchingWriteApi.builder(WebClient.create(), influx.url())
			.path("/write?db=small&precision=ns")
			.options(WriteOptions.builder()
				.minRetryDelay(Duration.ofMillis(50))
				.maxRetryDelay(Duration.ofMillis(200))
				.build())
			.spool(this.directory, SpoolSettings.defaults().withMaxSize(256 * 1024).withSegmentSize(64 * 1024))
			.listener(new WriteListener() {

				@Override
				public void onDrop(WriteDrop event) {
					dropped.addAll(event.lines().lines());
				}

			})
			.build();
		try {
			influx.kill();
			for (int i = 0; i < SMALL_POINTS; i++) {
				writer.writePoint(Point.measurement("small").field("i", i));
			}
			writer.flush();
			await().atMost(Duration.ofSeconds(30)).until(() -> writer.getStatistics().droppedOverflow() > 0);
			assertThat(writer.getStatistics().spooledBytes()).isLessThanOrEqualTo(256 * 1024);
			influx.restart();
			writer.flush(true).handle((written, droppedMeanwhile) -> null).get(60, TimeUnit.SECONDS);
			WriteStatistics stats = writer.getStatistics();
			assertThat(stats.written() + stats.droppedOverflow()).as(stats.toString()).isEqualTo(SMALL_POINTS);
			assertThat(stats.failed()).isZero();
			assertThat(dropped).hasSize((int) stats.droppedOverflow());
			Set<Long> all = new HashSet<>();
			influx.query("small", "SELECT i FROM small").forEach((row) -> all.add(((Number) row.get(1)).longValue()));
			assertThat(all).hasSize((int) stats.written());
			dropped.forEach((line) -> assertThat(all.add(fieldI(line))).as("stored and dropped: " + line).isTrue());
			assertThat(all).hasSize(SMALL_POINTS).allSatisfy((i) -> assertThat(i).isBetween(0L, SMALL_POINTS - 1L));
		}
		finally {
			writer.close();
		}
	}

	@Test
	void aSegmentTornByAKillSendsTheIntactBatchesAndCountsTheTornOne() throws Exception {
		influx.createDatabase("torn");
		kill(spoolInChild("torn", 10_000));
		Path last;
		try (Stream<Path> files = Files.list(this.directory)) {
			last = files.filter((file) -> file.toString().endsWith(".spool")).max(Path::compareTo).orElseThrow();
		}
		try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
			channel.truncate(channel.size() - 3);
		}
		BatchingWriteApi writer = BatchingWriteApi.builder(WebClient.create(), influx.url())
			.path("/write?db=torn&precision=ns")
			.spool(this.directory, SpoolSettings.defaults())
			.build();
		try {
			WriteStatistics atStart = writer.getStatistics();
			assertThat(atStart.replayed()).isEqualTo(5000);
			assertThat(atStart.spoolSkipped()).isEqualTo(1);
			writer.flush().get(60, TimeUnit.SECONDS);
			assertThat(influx.count("torn", "torn")).isEqualTo(5000);
			assertThat(influx.count("torn", "SELECT max(i) FROM torn")).isEqualTo(4999);
			assertThat(writer.getStatistics().written()).isEqualTo(5000);
		}
		finally {
			writer.close();
		}
	}

	/** Starts {@link SpoolCrashProbe} on the directory and waits until it has spooled every point. */
	private Process spoolInChild(String database, int points) throws Exception {
		String downUrl;
		try (ServerSocket unused = new ServerSocket(0)) {
			downUrl = "http://127.0.0.1:" + unused.getLocalPort();
		}
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SpoolCrashProbe.class.getName(), this.directory.toString(),
				downUrl, Integer.toString(points), database)
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		String line;
		do {
			line = output.readLine();
		}
		while (line != null && !line.startsWith("SPOOLED"));
		if (!("SPOOLED " + points).equals(line)) {
			child.destroyForcibly();
			throw new AssertionError("The child did not spool " + points + " points: " + line);
		}
		return child;
	}

	/** Kills a child as {@code kill -9} does. */
	private static void kill(Process child) throws Exception {
		child.destroyForcibly();
		child.getInputStream().close();
		assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
	}

	private static long fieldI(String line) {
		int start = line.indexOf(" i=") + 3;
		return Long.parseLong(line.substring(start, line.indexOf('i', start)));
	}

}
