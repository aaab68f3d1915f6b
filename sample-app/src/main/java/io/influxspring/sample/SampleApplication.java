package io.influxspring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Writes JVM statistics every second through the starter's {@code WriteApi}: to the InfluxDB that
 * {@code influx.url} names, or, when none is configured, to an embedded QuestDB.
 */
@SpringBootApplication
@EnableScheduling
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
