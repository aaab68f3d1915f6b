package io.influxspring.write.lineprotocol;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordLinesTest {

	@Test
	void aLineFeedEndsALineOutsideQuotedStrings() {
		assertThat(lines("a v=1i\nb v=2i")).containsExactly("a v=1i", "b v=2i");
		assertThat(lines("a s=\"x\ny\",v=1i 5\nb v=2i")).containsExactly("a s=\"x\ny\",v=1i 5", "b v=2i");
	}

	@Test
	void quotesInMeasurementsAndTagsAndEscapedQuotesDoNotOpenAString() {
		assertThat(lines("a\"b,t=\"x v=1i\nc v=2i")).containsExactly("a\"b,t=\"x v=1i", "c v=2i");
		assertThat(lines("a s=\"q\\\"\nstill\" 1\nb v=2i")).containsExactly("a s=\"q\\\"\nstill\" 1", "b v=2i");
	}

	@Test
	void anEscapedLineFeedDoesNotEndALine() {
		assertThat(lines("a\\\nb v=1i")).containsExactly("a\\\nb v=1i");
	}

	@Test
	void blankLinesAndCommentsAreNotLines() {
		assertThat(RecordLines.isBlankOrComment(" \t", 0, 2)).isTrue();
		assertThat(RecordLines.isBlankOrComment("  # note", 0, 8)).isTrue();
		assertThat(RecordLines.isBlankOrComment("m v=1i", 0, 6)).isFalse();
	}

	private static List<String> lines(String record) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		while (start < record.length()) {
			int end = RecordLines.lineEnd(record, start);
			lines.add(record.substring(start, end));
			start = end + 1;
		}
		return lines;
	}

}
