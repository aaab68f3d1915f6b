package io.influxspring.write.realserver;

import java.nio.file.Path;
import java.time.Duration;

import io.influxspring.write.Point;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.spool.SpoolSettings;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Run in a child JVM with a spool directory, a server URL, a number of points and optionally a
 * database (also the measurement; {@code crash} by default): writes the points through a spooled
 * writer to a server that is down, flushes, prints {@code SPOOLED} once every line is on disk, and
 * waits to be killed.
 */
public final class SpoolCrashProbe {

	private SpoolCrashProbe() {
	}

	public static void main(String[] args) throws Exception {
		Path directory = Path.of(args[0]);
		String url = args[1];
		int points = Integer.parseInt(args[2]);
		String database = (args.length > 3) ? args[3] : "crash";
		BatchingWriteApi writer = BatchingWriteApi.builder(WebClient.create(), url)
			.path("/write?db=" + database + "&precision=ns")
			.options(WriteOptions.builder().minRetryDelay(Duration.ofMillis(100)).maxRetryDelay(Duration.ofSeconds(1)).build())
			.spool(directory, SpoolSettings.defaults())
			.build();
		for (int i = 0; i < points; i++) {
			writer.writePoint(Point.measurement(database).tag("probe", "child").field("i", i));
		}
		writer.flush();
		while (writer.getStatistics().spooledLines() < points) {
			Thread.onSpinWait();
		}
		System.out.println("SPOOLED " + writer.getStatistics().spooledLines());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
