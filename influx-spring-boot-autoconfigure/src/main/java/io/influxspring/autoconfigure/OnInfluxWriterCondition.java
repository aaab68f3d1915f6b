package io.influxspring.autoconfigure;

import io.influxspring.write.engine.BatchingWriteApi;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;

/**
 * Matches when a {@link BatchingWriteApi} or a {@link BucketWriteApi} bean is defined: a writer that
 * health indicators and meters can be given to.
 *
 * @since 0.1.0
 */
public final class OnInfluxWriterCondition extends AnyNestedCondition {

	OnInfluxWriterCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnBean(BatchingWriteApi.class)
	static final class Batching {

	}

	@ConditionalOnBean(BucketWriteApi.class)
	static final class Bucket {

	}

}
