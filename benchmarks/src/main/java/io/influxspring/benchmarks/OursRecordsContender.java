package io.influxspring.benchmarks;

import java.util.Map;

import io.influxspring.write.WriteApi;

import org.springframework.context.ConfigurableApplicationContext;

/** This project's auto-configured {@link WriteApi} writing {@link CpuSample} records with {@code writeMeasurement}. */
final class OursRecordsContender implements Contender {

	private final ConfigurableApplicationContext context;

	private final WriteApi writeApi;

	OursRecordsContender(int port, Map<String, Object> properties) {
		this.context = OursContext.start("http://127.0.0.1:" + port, properties);
		this.writeApi = this.context.getBean(WriteApi.class);
	}

	@Override
	public TimedWrite prepare(long first, int count) {
		return () -> {
			for (long i = first, end = first + count; i < end; i++) {
				this.writeApi.writeMeasurement(CpuSample.of(i));
			}
			long written = System.nanoTime();
			this.writeApi.flush().get();
			return written;
		};
	}

	@Override
	public void close() {
		this.context.close();
	}

}
