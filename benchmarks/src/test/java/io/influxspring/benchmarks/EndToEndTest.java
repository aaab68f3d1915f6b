package io.influxspring.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndToEndTest {

	private static final String OURS_DELIVERED = "points=100;warmup=50;linesWritten=150;sinkTotal=150;sinkLines=100;"
			+ "offered=150;acknowledged=150;failed=0;buffered=0";

	@Test
	void aRunOfOursIsValidWhenEveryLineOfferedWasDeliveredAndNoneDropped() {
		assertThat(EndToEnd.problem("ours", KeyValues.parse(OURS_DELIVERED + ";dropped=0"), 100)).isNull();
	}

	@Test
	void aRunOfOursThatDroppedLinesIsInvalid() {
		assertThat(EndToEnd.problem("ours-nogzip", KeyValues.parse(OURS_DELIVERED + ";dropped=1"), 100))
			.contains("dropped 1 lines");
	}

	@Test
	void aRunOfOursWithoutStatisticsIsInvalid() {
		assertThat(EndToEnd.problem("ours",
				KeyValues.parse("points=100;warmup=50;linesWritten=150;sinkTotal=150;sinkLines=100"), 100))
			.contains("no statistics");
	}

	@Test
	void aRunIsInvalidWhenTheSinkCountedOtherLinesThanWritten() {
		assertThat(EndToEnd.problem("questdb",
				KeyValues.parse("points=100;warmup=50;linesWritten=150;sinkTotal=149;sinkLines=99"), 100))
			.contains("the sink counted 149 lines");
		assertThat(EndToEnd.problem("questdb",
				KeyValues.parse("points=100;warmup=50;linesWritten=150;sinkTotal=150;sinkLines=100"), 100))
			.isNull();
	}

}
