package io.influxspring.autoconfigure;

import java.util.function.Consumer;

import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.BatchingWriteApiBuilder;

/**
 * A writer for one more bucket (v2) or database (v1, v3), made by the {@link InfluxWriteApiFactory}.
 * Declared as a bean, it is flushed and closed with the context, has its own health indicator and
 * meters tagged with its name and bucket, and leaves the auto-configured {@code WriteApi} in place.
 * Made at run time, it is released with its meters once closed or disposed.
 *
 * @since 0.1.0
 */
public class BucketWriteApi extends BatchingWriteApi {

	private final String bucket;

	private final String name;

	private final Consumer<BucketWriteApi> onRelease;

	BucketWriteApi(BatchingWriteApiBuilder builder, String bucket, String name, Consumer<BucketWriteApi> onRelease) {
		super(builder);
		this.bucket = bucket;
		this.name = name;
		this.onRelease = onRelease;
	}

	/** The bucket or database this writer writes to. */
	public String getBucket() {
		return this.bucket;
	}

	/**
	 * The name its meters are tagged with ({@code writer}): the one given to its spec, or its bucket.
	 * @since 0.1.0
	 */
	public String getName() {
		return this.name;
	}

	@Override
	public void close() {
		try {
			super.close();
		}
		finally {
			this.onRelease.accept(this);
		}
	}

	@Override
	public int dispose() {
		try {
			return super.dispose();
		}
		finally {
			this.onRelease.accept(this);
		}
	}

}
