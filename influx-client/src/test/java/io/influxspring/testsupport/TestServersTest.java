package io.influxspring.testsupport;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestServersTest {

	@Test
	void missingBinaryAbortsOrFailsDependingOnEnvironment() {
		Class<? extends RuntimeException> expected = "true"
			.equalsIgnoreCase(System.getenv(TestServers.REQUIRE_SERVERS_ENV)) ? IllegalStateException.class
					: TestAbortedException.class;
		assertThatExceptionOfType(expected)
			.isThrownBy(() -> TestServers.findBinary("no-such-binary-for-tests", "apt-get install nothing"))
			.withMessageContaining("no-such-binary-for-tests not installed: apt-get install nothing");
	}

	@Test
	void findsBinariesOnPath() {
		assertThat(TestServers.findBinary("sh", "apt-get install dash")).isExecutable();
	}

	@Test
	void freePortsAreUsable() {
		assertThat(TestServers.freePort()).isBetween(1, 65535);
	}

}
