package io.influxspring.autoconfigure.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteResponse;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one writer in one registry, kept so that they can be removed with the writer. Line
 * counts and the buffer are read from the writer's statistics when the registry asks; requests are
 * timed as their answers arrive, until the meters are removed.
 */
final class WriterMeters implements WriteListener {

	private final BatchingWriteApi writeApi;

	private final MeterRegistry registry;

	private final Tags tags;

	private final List<Meter> meters = new ArrayList<>();

	private boolean removed;

	WriterMeters(BatchingWriteApi writeApi, String name, String bucket, MeterRegistry registry) {
		this.writeApi = writeApi;
		this.registry = registry;
		this.tags = Tags.of(InfluxWriteMeters.CommonTags.WRITER.asString(), name,
				InfluxWriteMeters.CommonTags.BUCKET.asString(), bucket);
	}

	void register() {
		lines("written", "none", WriteStatistics::written);
		lines("failed", "rejected", WriteStatistics::rejected);
		lines("failed", "expired", WriteStatistics::expired);
		lines("dropped", "overflow", WriteStatistics::droppedOverflow);
		lines("dropped", "closed", WriteStatistics::droppedClosed);
		lines("dropped", "disposed", WriteStatistics::droppedDisposed);
		gauge(InfluxWriteMeters.BUFFER_LINES, WriteStatistics::buffered,
				"Lines held by the writer: open batch, queued, in flight and waiting for retry");
		gauge(InfluxWriteMeters.BUFFER_BYTES, WriteStatistics::bufferedBytes, "Bytes of line protocol held by the writer");
		gauge(InfluxWriteMeters.SPOOL_LINES, WriteStatistics::spooledLines, "Lines held in the spool on disk");
		gauge(InfluxWriteMeters.SPOOL_BYTES, WriteStatistics::spooledBytes, "Bytes the spool's records take on disk");
		counter(InfluxWriteMeters.SPOOL_REPLAYED, WriteStatistics::replayed,
				"Lines found in the spool at startup and sent again");
		counter(InfluxWriteMeters.SPOOL_SKIPPED, WriteStatistics::spoolSkipped,
				"Spool records skipped as torn or corrupt, whose lines were never sent");
		counter(InfluxWriteMeters.RETRIES, WriteStatistics::retries, "Write requests scheduled for a retry");
		this.writeApi.addListener(this);
	}

	/** Removes every meter of the writer from the registry and stops timing its requests. */
	void remove() {
		this.writeApi.removeListener(this);
		synchronized (this) {
			this.removed = true;
			this.meters.forEach(this.registry::remove);
			this.meters.clear();
		}
	}

	@Override
	public void onResponse(WriteResponse event) {
		synchronized (this) {
			if (this.removed) {
				return;
			}
			Timer timer = Timer.builder(InfluxWriteMeters.REQUESTS.getName())
				.tags(this.tags)
				.tag(InfluxWriteMeters.RequestsTags.OUTCOME.asString(), outcome(event))
				.tag(InfluxWriteMeters.RequestsTags.STATUS.asString(),
						(event.statusCode() > 0) ? Integer.toString(event.statusCode()) : "none")
				.description("Write requests to InfluxDB")
				.register(this.registry);
			if (!this.meters.contains(timer)) {
				this.meters.add(timer);
			}
			timer.record(event.duration());
		}
	}

	private void gauge(InfluxWriteMeters meter, ToDoubleFunction<WriteStatistics> value, String description) {
		add(Gauge.builder(meter.getName(), this.writeApi, (api) -> value.applyAsDouble(api.getStatistics()))
			.tags(this.tags)
			.baseUnit(meter.getBaseUnit())
			.description(description)
			.register(this.registry));
	}

	private void counter(InfluxWriteMeters meter, ToDoubleFunction<WriteStatistics> value, String description) {
		add(FunctionCounter.builder(meter.getName(), this.writeApi, (api) -> value.applyAsDouble(api.getStatistics()))
			.tags(this.tags)
			.baseUnit(meter.getBaseUnit())
			.description(description)
			.register(this.registry));
	}

	private void lines(String outcome, String reason, ToDoubleFunction<WriteStatistics> count) {
		add(FunctionCounter
			.builder(InfluxWriteMeters.LINES.getName(), this.writeApi, (api) -> count.applyAsDouble(api.getStatistics()))
			.tags(this.tags)
			.tag(InfluxWriteMeters.LinesTags.OUTCOME.asString(), outcome)
			.tag(InfluxWriteMeters.LinesTags.REASON.asString(), reason)
			.baseUnit(InfluxWriteMeters.LINES.getBaseUnit())
			.description("Lines by what became of them")
			.register(this.registry));
	}

	private synchronized void add(Meter meter) {
		this.meters.add(meter);
	}

	private static String outcome(WriteResponse event) {
		if (event.error() == null) {
			return "success";
		}
		int status = event.statusCode();
		return (status == 0) ? "network_error" : (status < 500) ? "client_error" : "server_error";
	}

}
