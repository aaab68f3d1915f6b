package io.influxspring.write.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerMessagesTest {

	@Test
	void theJsonMessageComesFirst() {
		String body = "{\"code\":\"invalid\",\"message\":\"unable to parse 'm v=': missing field value\"}";
		assertThat(ServerMessages.message(body, "from the header")).isEqualTo("unable to parse 'm v=': missing field value");
	}

	@Test
	void theJsonErrorIsReadUnescapedWhenThereIsNoMessage() {
		String body = "{ \"error\" : \"database not found: \\\"db\\\"\\n\\u00e9\" }";
		assertThat(ServerMessages.message(body, null)).isEqualTo("database not found: \"db\"\n\u00e9");
	}

	@Test
	void aMemberNameInAValueIsNotTakenForTheMember() {
		String body = "{\"note\":\"message\",\"message\":\"the real one\"}";
		assertThat(ServerMessages.message(body, null)).isEqualTo("the real one");
	}

	@Test
	void theInfluxDbErrorHeaderComesNext() {
		assertThat(ServerMessages.message("", "partial write: field type conflict")).isEqualTo("partial write: field type conflict");
		assertThat(ServerMessages.message("{\"code\":1}", "from the header")).isEqualTo("from the header");
	}

	@Test
	void thenTheBodyAsItIsOrNoMessage() {
		assertThat(ServerMessages.message("  Service Unavailable\n", " ")).isEqualTo("Service Unavailable");
		assertThat(ServerMessages.message(null, null)).isEqualTo("no message");
		assertThat(ServerMessages.message(" ", "")).isEqualTo("no message");
	}

	@Test
	void refusedDataIsPermanentWhateverTheCase() {
		assertThat(ServerMessages.isPermanent("Unable To Parse 'm v=1': bad timestamp")).isTrue();
		assertThat(ServerMessages.isPermanent("partial write: points beyond retention policy dropped=1")).isTrue();
		assertThat(ServerMessages.isPermanent("database not found: \"db\"")).isTrue();
		assertThat(ServerMessages.isPermanent("engine: cache-max-memory-size exceeded")).isFalse();
		assertThat(ServerMessages.isPermanent("no message")).isFalse();
	}

	@Test
	void aLongMessageIsAbbreviated() {
		String message = "x".repeat(1500);
		assertThat(ServerMessages.abbreviate(message)).hasSize(1003).endsWith("...");
		assertThat(ServerMessages.abbreviate("short")).isEqualTo("short");
	}

}
