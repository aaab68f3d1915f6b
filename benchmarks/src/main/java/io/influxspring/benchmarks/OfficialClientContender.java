package io.influxspring.benchmarks;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApi;
import com.influxdb.client.WriteOptions;
import com.influxdb.client.write.events.BackpressureEvent;
import com.influxdb.client.write.events.WriteErrorEvent;

/**
 * The official {@code influxdb-client-java} non-blocking {@link WriteApi}, batch 5000, writing its
 * {@code Point}s; a new write API per phase, done when its {@code close()} returns (it waits for the
 * last response). Its buffer limit is raised to the number of points so that nothing is dropped
 * (its default, 10,000, drops points under a single fast writer). Its gzip is off unless asked for.
 */
final class OfficialClientContender implements Contender {

	private final InfluxDBClient client;

	private final AtomicLong errors = new AtomicLong();

	private final AtomicLong backpressure = new AtomicLong();

	/** @param gzip whether to turn on its {@code enableGzip()} (off by default) */
	OfficialClientContender(int port, boolean gzip) {
		this.client = InfluxDBClientFactory.create(InfluxDBClientOptions.builder()
			.url("http://127.0.0.1:" + port)
			.authenticateToken("t".toCharArray())
			.org("o")
			.bucket("b")
			.build());
		if (gzip) {
			this.client.enableGzip();
		}
	}

	@Override
	public TimedWrite prepare(long first, int count) {
		WriteApi writeApi = this.client.makeWriteApi(
				WriteOptions.builder().batchSize(5000).bufferLimit(Math.max(10_000, count)).build());
		writeApi.listenEvents(WriteErrorEvent.class, (event) -> this.errors.incrementAndGet());
		writeApi.listenEvents(BackpressureEvent.class, (event) -> this.backpressure.incrementAndGet());
		return () -> {
			for (long i = first, end = first + count; i < end; i++) {
				writeApi.writePoint(SamplePoints.officialPoint(i));
			}
			long written = System.nanoTime();
			writeApi.close();
			return written;
		};
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("errors", this.errors.get(), "backpressure", this.backpressure.get());
	}

	@Override
	public void close() {
		this.client.close();
	}

}
