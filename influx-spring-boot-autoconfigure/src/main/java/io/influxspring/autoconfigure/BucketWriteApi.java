package io.influxspring.autoconfigure;

import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.BatchingWriteApiBuilder;

/**
 * A writer for one more bucket (v2) or database (v1, v3), made by the {@link InfluxWriteApiFactory}.
 * Declared as a bean, it is flushed and closed with the context, has its own health indicator and
 * meters tagged with its bucket, and leaves the auto-configured {@code WriteApi} in place.
 */
public class BucketWriteApi extends BatchingWriteApi {

	private final String bucket;

	BucketWriteApi(BatchingWriteApiBuilder builder, String bucket) {
		super(builder);
		this.bucket = bucket;
	}

	/** The bucket or database this writer writes to. */
	public String getBucket() {
		return this.bucket;
	}

}
