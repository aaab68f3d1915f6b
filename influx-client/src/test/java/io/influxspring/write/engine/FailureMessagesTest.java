package io.influxspring.write.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureMessagesTest {

	@Test
	void replacesTheLinesInfluxDbQuotesByAnEllipsis() {
		assertThat(FailureMessages.summarize(
				"Server http://h:8086 answered 400: partial write: unable to parse 'm,host=a v=x 1': invalid boolean dropped=0"))
			.isEqualTo("Server http://h:8086 answered 400: partial write: unable to parse '…': invalid boolean dropped=0");
	}

	@Test
	void replacesEveryQuotedLineAndQuotesSpanningLines() {
		String message = "partial write: unable to parse 'm s=\"it's\": x': invalid field format\n"
				+ "Unable to parse 'm,t=a\nm v=1i': unbalanced quotes dropped=0";
		assertThat(FailureMessages.summarize(message)).isEqualTo(
				"partial write: unable to parse '…': invalid field format\nUnable to parse '…': unbalanced quotes dropped=0");
	}

	@Test
	void hidesTheRestOfAQuoteThatDoesNotEnd() {
		assertThat(FailureMessages.summarize("unable to parse 'm,host=secret v=")).isEqualTo("unable to parse '…'");
	}

	@Test
	void keepsOtherMessages() {
		assertThat(FailureMessages.summarize("database not found: \"d\"")).isEqualTo("database not found: \"d\"");
	}

	@Test
	void capsTheLength() {
		String summary = FailureMessages.summarize("x".repeat(1000));
		assertThat(summary).hasSize(FailureMessages.MAX_LENGTH).endsWith("…");
		assertThat(FailureMessages.summarize("x".repeat(FailureMessages.MAX_LENGTH))).doesNotContain("…");
	}

	@Test
	void doesNotCutASurrogatePair() {
		String summary = FailureMessages.summarize("x".repeat(FailureMessages.MAX_LENGTH - 2) + "😀".repeat(10));
		assertThat(summary).endsWith("x…");
	}

}
