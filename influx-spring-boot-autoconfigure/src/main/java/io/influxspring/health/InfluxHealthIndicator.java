package io.influxspring.health;

import java.time.Duration;
import java.time.Instant;

import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.ServerPing;
import io.influxspring.write.engine.WriteStatistics;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Whether writes to InfluxDB get through: the server must answer {@code GET /ping} (204 or 200)
 * within the timeout, and writes must not have been failing for longer than the threshold.
 * Details: the server's {@code version} and {@code url}, and the writer's state.
 *
 * @since 0.1.0
 */
public class InfluxHealthIndicator extends AbstractReactiveHealthIndicator {

	private final BatchingWriteApi writeApi;

	private final Duration timeout;

	private final Duration writeFailureThreshold;

	private final Status writeFailureStatus;

	/**
	 * @param writeApi the writer to check
	 * @param timeout how long to wait for {@code /ping}
	 * @param writeFailureThreshold how long writes may fail before the status is {@code writeFailureStatus}
	 * @param writeFailureStatus the status while writes have failed for longer than the threshold
	 */
	public InfluxHealthIndicator(BatchingWriteApi writeApi, Duration timeout, Duration writeFailureThreshold,
			Status writeFailureStatus) {
		super("InfluxDB health check failed");
		this.writeApi = writeApi;
		this.timeout = timeout;
		this.writeFailureThreshold = writeFailureThreshold;
		this.writeFailureStatus = writeFailureStatus;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.writeApi.ping(this.timeout)
			.map((ping) -> health(builder, ping))
			.onErrorResume((ex) -> {
				writerDetails(builder.down(ex));
				return Mono.just(builder.build());
			});
	}

	private Health health(Health.Builder builder, ServerPing ping) {
		if (ping.version() != null) {
			builder.withDetail("version", ping.version());
		}
		WriteStatistics statistics = writerDetails(builder);
		Instant failingSince = statistics.failingSince();
		if (!ping.isUp()) {
			builder.down().withDetail("pingStatus", ping.statusCode());
		}
		else if (failingSince != null
				&& Duration.between(failingSince, Instant.now()).compareTo(this.writeFailureThreshold) >= 0) {
			builder.status(this.writeFailureStatus).withDetail("writesFailingSince", failingSince.toString());
		}
		else {
			builder.up();
		}
		return builder.build();
	}

	private WriteStatistics writerDetails(Health.Builder builder) {
		WriteStatistics statistics = this.writeApi.getStatistics();
		builder.withDetail("url", this.writeApi.getUrl())
			.withDetail("linesBuffered", statistics.buffered())
			.withDetail("bytesBuffered", statistics.bufferedBytes())
			.withDetail("linesWaitingForRetry", statistics.retrying());
		if (statistics.spooledLines() > 0 || statistics.spooledBytes() > 0) {
			builder.withDetail("linesSpooled", statistics.spooledLines())
				.withDetail("bytesSpooled", statistics.spooledBytes());
		}
		if (statistics.lastFailureTime() != null) {
			builder.withDetail("lastFailureTime", statistics.lastFailureTime().toString())
				.withDetail("lastFailureMessage", String.valueOf(statistics.lastFailureMessage()));
		}
		return statistics;
	}

}
