package io.influxspring.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import java.util.stream.Stream;

import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * This project's auto-configured {@link WriteApi} writing {@code Point}s, or {@link CpuSample}
 * records with {@code writeMeasurement}; done when {@code flush()} completes. Its details are the
 * writer's statistics since it started (warm-up included): lines offered, acknowledged, failed,
 * dropped and still buffered.
 */
final class OursContender implements Contender {

	private final ConfigurableApplicationContext context;

	private final WriteApi writeApi;

	private final ObjLongConsumer<WriteApi> write;

	private final @Nullable Path spoolDirectory;

	private OursContender(int port, Map<String, Object> properties, ObjLongConsumer<WriteApi> write,
			@Nullable Path spoolDirectory) {
		this.context = OursContext.start("http://127.0.0.1:" + port, properties);
		this.writeApi = this.context.getBean(WriteApi.class);
		this.write = write;
		this.spoolDirectory = spoolDirectory;
	}

	private OursContender(int port, Map<String, Object> properties, ObjLongConsumer<WriteApi> write) {
		this(port, properties, write, null);
	}

	/** Writes hand-built points through a spool in a temporary directory, deleted when closed. */
	static OursContender spooled(int port, boolean fsync) throws IOException {
		Path directory = Files.createTempDirectory("influx-spool-bench");
		return new OursContender(port, Map.of("influx.write.spool.directory", directory.toString(),
				"influx.write.spool.fsync", Boolean.toString(fsync)),
				(writeApi, i) -> writeApi.writePoint(SamplePoints.point(i)), directory);
	}

	/** Writes hand-built points. */
	static OursContender points(int port, Map<String, Object> properties) {
		return new OursContender(port, properties, (writeApi, i) -> writeApi.writePoint(SamplePoints.point(i)));
	}

	/** Writes one point, cleared and filled again for each line ({@code Point.clear()}). */
	static OursContender reusedPoint(int port, Map<String, Object> properties) {
		Point point = Point.measurement(SamplePoints.MEASUREMENT);
		return new OursContender(port, properties, (writeApi, i) -> writeApi.writePoint(SamplePoints.fill(point, i)));
	}

	/** Writes annotated records through the mapper. */
	static OursContender records(int port, Map<String, Object> properties) {
		return new OursContender(port, properties, (writeApi, i) -> writeApi.writeMeasurement(CpuSample.of(i)));
	}

	@Override
	public TimedWrite prepare(long first, int count) {
		return () -> {
			for (long i = first, end = first + count; i < end; i++) {
				this.write.accept(this.writeApi, i);
			}
			long written = System.nanoTime();
			this.writeApi.flush().get();
			return written;
		};
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		if (this.writeApi instanceof BatchingWriteApi batching) {
			WriteStatistics statistics = batching.getStatistics();
			details.put("offered", statistics.offered());
			details.put("acknowledged", statistics.written());
			details.put("failed", statistics.failed());
			details.put("dropped", statistics.dropped());
			details.put("buffered", statistics.buffered());
		}
		return details;
	}

	@Override
	public void close() throws IOException {
		this.context.close();
		if (this.spoolDirectory != null) {
			try (Stream<Path> files = Files.walk(this.spoolDirectory)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

}
