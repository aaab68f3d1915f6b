package io.influxspring.write;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WritePrecisionTest {

	@Test
	void convertsBetweenPrecisions() {
		assertThat(WritePrecision.NS.convert(3, WritePrecision.S)).isEqualTo(3_000_000_000L);
		assertThat(WritePrecision.MS.convert(1_999_999, WritePrecision.US)).isEqualTo(1_999);
		assertThat(WritePrecision.S.convert(-1, WritePrecision.MS)).isEqualTo(-1);
		assertThat(WritePrecision.US.convert(42, WritePrecision.US)).isEqualTo(42);
	}

	@Test
	void refusesToOverflow() {
		assertThatIllegalArgumentException().isThrownBy(() -> WritePrecision.NS.convert(Long.MAX_VALUE / 1000, WritePrecision.MS));
		assertThatIllegalArgumentException().isThrownBy(() -> WritePrecision.NS.convert(Long.MIN_VALUE / 1000, WritePrecision.MS));
	}

	@Test
	void readsQueryValues() {
		assertThat(WritePrecision.fromQueryValue("ms")).isEqualTo(WritePrecision.MS);
		assertThat(WritePrecision.fromQueryValue(" US ")).isEqualTo(WritePrecision.US);
		assertThat(WritePrecision.NS.queryValue()).isEqualTo("ns");
		assertThatIllegalArgumentException().isThrownBy(() -> WritePrecision.fromQueryValue("minutes"))
			.withMessageContaining("minutes");
	}

}
