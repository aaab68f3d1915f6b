package io.influxspring.autoconfigure.metrics;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import io.influxspring.write.engine.BatchingWriteApi;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Registers the {@link InfluxWriteMeters} of each writer, tagged with its name and bucket, and
 * removes them when a writer made at run time is released. Two writers bound at once never share
 * a name: a later one with a name already taken gets a suffix ({@code -2}, {@code -3}).
 *
 * @since 0.1.0
 */
public class InfluxWriteMetrics {

	private final MeterRegistry registry;

	private final Map<BatchingWriteApi, WriterMeters> bound = new IdentityHashMap<>();

	private final Map<BatchingWriteApi, String> names = new IdentityHashMap<>();

	private final Set<String> namesTaken = new HashSet<>();

	/**
	 * Registers the meters of every writer with {@code registry}.
	 * @param writeApis the writers by bean name, the names their meters are tagged with
	 */
	public InfluxWriteMetrics(Map<String, BatchingWriteApi> writeApis, MeterRegistry registry) {
		this.registry = registry;
		writeApis.forEach(this::bind);
	}

	/** Registers the meters of one more writer, named by its bucket; a writer already bound is left as it is. */
	public void bind(BatchingWriteApi writeApi) {
		bind(bucket(writeApi.getPath()), writeApi);
	}

	/** Registers the meters of one more writer under {@code name}; a writer already bound is left as it is. */
	public void bind(String name, BatchingWriteApi writeApi) {
		WriterMeters meters;
		synchronized (this.bound) {
			if (this.bound.containsKey(writeApi)) {
				return;
			}
			String unique = name;
			for (int i = 2; !this.namesTaken.add(unique); i++) {
				unique = name + "-" + i;
			}
			meters = new WriterMeters(writeApi, unique, bucket(writeApi.getPath()), this.registry);
			this.bound.put(writeApi, meters);
			this.names.put(writeApi, unique);
		}
		meters.register();
	}

	/** Removes the meters of a writer, which then no longer refer to it; a writer not bound is ignored. */
	public void unbind(BatchingWriteApi writeApi) {
		WriterMeters meters;
		synchronized (this.bound) {
			meters = this.bound.remove(writeApi);
			if (meters == null) {
				return;
			}
			this.namesTaken.remove(this.names.remove(writeApi));
		}
		meters.remove();
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
