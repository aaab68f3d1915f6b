package io.influxspring.write.lineprotocol;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShortestDecimalTest {

	@Test
	void shortensWhatOlderJavaReleasesPrintTooLong() {
		assertThat(Double.parseDouble(ShortestDecimal.of(1.0E23))).isEqualTo(1.0E23);
		assertThat(ShortestDecimal.of(1.0E23)).isEqualTo("1E23");
		assertThat(ShortestDecimal.of(2.82879384806159E17)).isEqualTo("2.82879384806159E17");
		assertThat(ShortestDecimal.of(-2.82879384806159E17)).isEqualTo("-2.82879384806159E17");
	}

	@Test
	void keepsShortResultsAsTheyAre() {
		assertThat(ShortestDecimal.of(0.1)).isEqualTo("0.1");
		assertThat(ShortestDecimal.of(0.30000000000000004)).isEqualTo("0.30000000000000004");
		assertThat(ShortestDecimal.of(4.9E-324)).isEqualTo("4.9E-324");
		assertThat(ShortestDecimal.of(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E308");
	}

	@Test
	void isTheShortestThatReadsBack() {
		Random random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			double value = (i % 2 == 0) ? Double.longBitsToDouble(random.nextLong())
					: Math.scalb(random.nextDouble(), random.nextInt(200) - 100);
			if (!Double.isFinite(value) || value == 0) {
				continue;
			}
			String text = ShortestDecimal.of(value);
			assertThat(Double.parseDouble(text)).isEqualTo(value);
			assertThat(significantDigits(text)).as(text).isEqualTo(shortestDigits(value));
		}
	}

	private static int shortestDigits(double value) {
		BigDecimal exact = new BigDecimal(value);
		for (int digits = 1; digits <= 17; digits++) {
			if (exact.round(new MathContext(digits)).doubleValue() == value) {
				return digits;
			}
		}
		return 17;
	}

	private static int significantDigits(String text) {
		String mantissa = text.replace("-", "").split("E")[0].replace(".", "");
		mantissa = mantissa.replaceFirst("^0+", "");
		mantissa = mantissa.replaceFirst("0+$", "");
		return Math.max(1, mantissa.length());
	}

}
