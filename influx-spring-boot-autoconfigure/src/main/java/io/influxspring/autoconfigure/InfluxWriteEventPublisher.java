package io.influxspring.autoconfigure;

import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteRetry;
import io.influxspring.write.WriteSuccess;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes the writer's signals as application events, so that {@code @EventListener} methods
 * taking a {@link WriteFailure}, {@link WriteDrop}, {@link WriteRetry} or (when enabled, by
 * {@link #create}) {@link WriteSuccess} hear them. They are called on the writer's thread: keep
 * them quick. Without successes it does not override {@link WriteListener#onSuccess}, so the writer
 * knows that no listener keeps the lines it has written, and can use their arrays again.
 */
class InfluxWriteEventPublisher implements WriteListener {

	final ApplicationEventPublisher publisher;

	InfluxWriteEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	static InfluxWriteEventPublisher create(ApplicationEventPublisher publisher, boolean publishSuccesses) {
		return publishSuccesses ? new WithSuccesses(publisher) : new InfluxWriteEventPublisher(publisher);
	}

	@Override
	public void onRetry(WriteRetry event) {
		this.publisher.publishEvent(event);
	}

	@Override
	public void onFailure(WriteFailure event) {
		this.publisher.publishEvent(event);
	}

	@Override
	public void onDrop(WriteDrop event) {
		this.publisher.publishEvent(event);
	}

	/** A publisher of successes too. */
	static final class WithSuccesses extends InfluxWriteEventPublisher {

		WithSuccesses(ApplicationEventPublisher publisher) {
			super(publisher);
		}

		@Override
		public void onSuccess(WriteSuccess event) {
			this.publisher.publishEvent(event);
		}

	}

}
