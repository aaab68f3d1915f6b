package io.influxspring.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Instant;

import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Writes a {@code jvm} point every second. */
@Component
class JvmStatsWriter {

	private final WriteApi writeApi;

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	JvmStatsWriter(WriteApi writeApi) {
		this.writeApi = writeApi;
	}

	@Scheduled(fixedRate = 1000)
	void writeStats() {
		this.writeApi.writePoint(Point.measurement("jvm")
			.field("heap_used", this.memory.getHeapMemoryUsage().getUsed())
			.field("non_heap_used", this.memory.getNonHeapMemoryUsage().getUsed())
			.field("threads", this.threads.getThreadCount())
			.field("load", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
			.time(Instant.now()));
	}

}
