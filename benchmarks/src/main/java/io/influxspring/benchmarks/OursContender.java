package io.influxspring.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ObjLongConsumer;

import io.influxspring.write.WriteApi;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;

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

	private OursContender(int port, Map<String, Object> properties, ObjLongConsumer<WriteApi> write) {
		this.context = OursContext.start("http://127.0.0.1:" + port, properties);
		this.writeApi = this.context.getBean(WriteApi.class);
		this.write = write;
	}

	/** Writes hand-built points. */
	static OursContender points(int port, Map<String, Object> properties) {
		return new OursContender(port, properties, (writeApi, i) -> writeApi.writePoint(SamplePoints.point(i)));
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
	public void close() {
		this.context.close();
	}

}
