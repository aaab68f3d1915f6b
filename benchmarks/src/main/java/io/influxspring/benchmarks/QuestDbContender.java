package io.influxspring.benchmarks;

import java.time.temporal.ChronoUnit;

import io.questdb.client.Sender;

/**
 * QuestDB's ILP sender over HTTP ({@code auto_flush_rows=5000}); flushes synchronously on the
 * writing thread, done when the last {@code flush()} returns. The sink answers 404 to its
 * {@code /settings} probe, so it sends text line protocol (version 1), as to an InfluxDB server.
 */
final class QuestDbContender implements Contender {

	private final Sender sender;

	QuestDbContender(int port) {
		this.sender = Sender.fromConfig("http::addr=127.0.0.1:" + port + ";auto_flush_rows=5000;");
	}

	@Override
	public TimedWrite prepare(long first, int count) {
		return () -> {
			for (long i = first, end = first + count; i < end; i++) {
				this.sender.table(SamplePoints.MEASUREMENT)
					.symbol("host", SamplePoints.host(i))
					.symbol("region", SamplePoints.REGION)
					.doubleColumn("usage", SamplePoints.usage(i))
					.longColumn("count", SamplePoints.count(i))
					.boolColumn("ok", SamplePoints.ok(i))
					.at(SamplePoints.timeNanos(i), ChronoUnit.NANOS);
			}
			long written = System.nanoTime();
			this.sender.flush();
			return written;
		};
	}

	@Override
	public void close() {
		this.sender.close();
	}

}
