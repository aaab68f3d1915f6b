package io.influxspring.autoconfigure.metrics;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteResponse;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Registers the {@link InfluxWriteMeters} of each writer. Line counts and the buffer are read from
 * the writer's statistics when a registry asks, so they always add up; requests are timed as their
 * answers arrive.
 */
public class InfluxWriteMetrics {

	private final MeterRegistry registry;

	private final Set<BatchingWriteApi> bound = Collections.newSetFromMap(new IdentityHashMap<>());

	/**
	 * Registers the meters of every writer with {@code registry}.
	 * @param writeApis the writers by bean name
	 */
	public InfluxWriteMetrics(Map<String, BatchingWriteApi> writeApis, MeterRegistry registry) {
		this.registry = registry;
		writeApis.values().forEach(this::bind);
	}

	/** Registers the meters of one more writer; a writer already bound is left as it is. */
	public void bind(BatchingWriteApi writeApi) {
		synchronized (this.bound) {
			if (this.bound.add(writeApi)) {
				bind(writeApi, this.registry);
			}
		}
	}

	private static void bind(BatchingWriteApi writeApi, MeterRegistry registry) {
		Tags tags = Tags.of(InfluxWriteMeters.CommonTags.BUCKET.asString(), bucket(writeApi.getPath()));
		lines(registry, writeApi, tags, "written", "none", WriteStatistics::written);
		lines(registry, writeApi, tags, "failed", "rejected", WriteStatistics::rejected);
		lines(registry, writeApi, tags, "failed", "expired", WriteStatistics::expired);
		lines(registry, writeApi, tags, "dropped", "overflow", WriteStatistics::droppedOverflow);
		lines(registry, writeApi, tags, "dropped", "closed", WriteStatistics::droppedClosed);
		lines(registry, writeApi, tags, "dropped", "disposed", WriteStatistics::droppedDisposed);
		Gauge.builder(InfluxWriteMeters.BUFFER_LINES.getName(), writeApi, (api) -> api.getStatistics().buffered())
			.tags(tags)
			.baseUnit(InfluxWriteMeters.BUFFER_LINES.getBaseUnit())
			.description("Lines held by the writer: open batch, queued, in flight and waiting for retry")
			.register(registry);
		FunctionCounter.builder(InfluxWriteMeters.RETRIES.getName(), writeApi, (api) -> api.getStatistics().retries())
			.tags(tags)
			.description("Write requests scheduled for a retry")
			.register(registry);
		writeApi.addListener(new WriteListener() {

			@Override
			public void onResponse(WriteResponse event) {
				Timer.builder(InfluxWriteMeters.REQUESTS.getName())
					.tags(tags)
					.tag(InfluxWriteMeters.RequestsTags.OUTCOME.asString(), outcome(event))
					.tag(InfluxWriteMeters.RequestsTags.STATUS.asString(),
							(event.statusCode() > 0) ? Integer.toString(event.statusCode()) : "none")
					.description("Write requests to InfluxDB")
					.register(registry)
					.record(event.duration());
			}

		});
	}

	private static void lines(MeterRegistry registry, BatchingWriteApi writeApi, Tags tags, String outcome,
			String reason, ToDoubleFunction<WriteStatistics> count) {
		FunctionCounter.builder(InfluxWriteMeters.LINES.getName(), writeApi, (api) -> count.applyAsDouble(api.getStatistics()))
			.tags(tags)
			.tag(InfluxWriteMeters.LinesTags.OUTCOME.asString(), outcome)
			.tag(InfluxWriteMeters.LinesTags.REASON.asString(), reason)
			.baseUnit(InfluxWriteMeters.LINES.getBaseUnit())
			.description("Lines by what became of them")
			.register(registry);
	}

	private static String outcome(WriteResponse event) {
		if (event.error() == null) {
			return "success";
		}
		int status = event.statusCode();
		return (status == 0) ? "network_error" : (status < 500) ? "client_error" : "server_error";
	}

	/** The bucket or database named in a write path, or {@code default}. */
	static String bucket(String path) {
		MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(path).build().getQueryParams();
		String bucket = query.getFirst("bucket");
		if (bucket == null) {
			bucket = query.getFirst("db");
		}
		return (bucket != null) ? URLDecoder.decode(bucket, StandardCharsets.UTF_8) : "default";
	}

}
