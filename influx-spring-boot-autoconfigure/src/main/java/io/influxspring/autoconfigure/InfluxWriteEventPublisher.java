package io.influxspring.autoconfigure;

import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteRetry;
import io.influxspring.write.WriteSuccess;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes the writer's signals as application events, so that {@code @EventListener} methods
 * taking a {@link WriteFailure}, {@link WriteDrop}, {@link WriteRetry} or (when enabled)
 * {@link WriteSuccess} hear them. They are called on the writer's thread: keep them quick.
 */
class InfluxWriteEventPublisher implements WriteListener {

	private final ApplicationEventPublisher publisher;

	private final boolean publishSuccesses;

	InfluxWriteEventPublisher(ApplicationEventPublisher publisher, boolean publishSuccesses) {
		this.publisher = publisher;
		this.publishSuccesses = publishSuccesses;
	}

	@Override
	public void onSuccess(WriteSuccess event) {
		if (this.publishSuccesses) {
			this.publisher.publishEvent(event);
		}
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

}
