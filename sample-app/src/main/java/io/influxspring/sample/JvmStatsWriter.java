package io.influxspring.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Instant;

import io.influxspring.write.WriteApi;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Writes a {@link JvmStats} measurement every second. */
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
		this.writeApi.writeMeasurement(new JvmStats(this.memory.getHeapMemoryUsage().getUsed(),
				this.memory.getNonHeapMemoryUsage().getUsed(), this.threads.getThreadCount(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Instant.now()));
	}

}
