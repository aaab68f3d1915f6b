package io.influxspring.write.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EncodedLinesTest {

	@Test
	void givesBackWhatALargeItemGrewWhenTheWriteEnds() {
		EncodedLines lines = new EncodedLines();
		lines.buffer.appendUtf8("m s=\"" + "x".repeat(1024 * 1024) + "\"");
		lines.endLine();
		assertThat(lines.buffer.capacity()).isGreaterThan(1024 * 1024);
		lines.release();
		assertThat(lines.buffer.capacity()).isLessThanOrEqualTo(EncodedLines.RETAINED_BYTES);
		assertThat(lines.inUse).isFalse();
	}

	@Test
	void refusesALineLongerThanARequestCanCarryAndRemovesIt() {
		EncodedLines lines = new EncodedLines();
		lines.maxLineBytes = 16;
		lines.buffer.appendUtf8("m v=1i");
		lines.endLine();
		lines.buffer.appendUtf8("m s=\"far too long\"");
		assertThatIllegalArgumentException().isThrownBy(lines::endLine)
			.withMessageContaining("A line of 19 bytes is longer than max-batch-bytes (16)");
		assertThat(lines.count).isEqualTo(1);
		assertThat(lines.buffer.size()).isEqualTo(7);
	}

}
