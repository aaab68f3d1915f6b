package io.influxspring.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import io.influxspring.write.WriteApi;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;

import org.springframework.context.ConfigurableApplicationContext;

/** This project's auto-configured {@link WriteApi} writing {@code Point}s; done when {@code flush()} completes. */
final class OursContender implements Contender {

	private final ConfigurableApplicationContext context;

	private final WriteApi writeApi;

	OursContender(int port, Map<String, Object> properties) {
		this.context = OursContext.start("http://127.0.0.1:" + port, properties);
		this.writeApi = this.context.getBean(WriteApi.class);
	}

	@Override
	public TimedWrite prepare(long first, int count) {
		return () -> {
			for (long i = first, end = first + count; i < end; i++) {
				this.writeApi.writePoint(SamplePoints.point(i));
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
			details.put("dropped", statistics.dropped());
			details.put("failed", statistics.failed());
		}
		return details;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
