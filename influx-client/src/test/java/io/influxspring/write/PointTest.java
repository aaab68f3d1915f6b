package io.influxspring.write;

import java.util.Random;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import io.influxspring.write.lineprotocol.TagSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PointTest {

	@Test
	void writesTagsSortedAndFieldsInInsertionOrder() {
		Point point = Point.measurement("cpu")
			.tag("region", "eu")
			.tag("host", "a")
			.field("usage", 0.5)
			.field("cores", 8)
			.field("ok", true)
			.field("name", "x")
			.time(1_000, WritePrecision.S);
		assertThat(point.toLineProtocol())
			.isEqualTo("cpu,host=a,region=eu usage=0.5,cores=8i,ok=true,name=\"x\" 1000000000000");
	}

	@Test
	void replacesTagsAndFieldsSetTwice() {
		Point point = Point.measurement("m").tag("t", "1").tag("t", "2").field("f", 1).field("f", "s");
		assertThat(point.toLineProtocol()).isEqualTo("m,t=2 f=\"s\"");
	}

	@Test
	void escapesMeasurementTagsAndFieldKeys() {
		Point point = Point.measurement("my measure,x=y")
			.tag("tag key,=", "tag value,= ")
			.field("field key,= ", "a \"quoted\" \\ value");
		assertThat(point.toLineProtocol()).isEqualTo(
				"my\\ measure\\,x=y,tag\\ key\\,\\==tag\\ value\\,\\=\\  field\\ key\\,\\=\\ =\"a \\\"quoted\\\" \\\\ value\"");
	}

	@Test
	void escapesTheEqualsSignOfAMeasurementOnlyUnderPortableRules() {
		Point point = Point.measurement("x=y").field("f", 1);
		assertThat(line(point, LineProtocolDialect.INFLUXDB)).isEqualTo("x=y f=1i");
		assertThat(line(point, LineProtocolDialect.PORTABLE)).isEqualTo("x\\=y f=1i");
	}

	@Test
	void keepsQuotesHashesAndUnicodeAndTabsInStrings() {
		Point point = Point.measurement("a\"#").tag("k\"", "v#").tag("é", "😀").field("f", "tab\tback\\slash");
		assertThat(point.toLineProtocol()).isEqualTo("a\"#,k\"=v#,é=😀 f=\"tab\tback\\\\slash\"");
	}

	@Test
	void writesSingleBackslashesInNamesAndLineBreaksInStringsAsInfluxDbReadsThem() {
		Point point = Point.measurement("C:\\Program Files\\App")
			.tag("user", "DOMAIN\\alice")
			.tag("k\\ey", "a\\\"b")
			.field("trace", "boom\n\tat x\r\n")
			.field("f\\x", 1);
		assertThat(point.toLineProtocol()).isEqualTo(
				"C:\\Program\\ Files\\App,k\\ey=a\\\"b,user=DOMAIN\\alice trace=\"boom\n\tat x\r\n\",f\\x=1i");
	}

	@Test
	void rejectsUnderInfluxDbRulesOnlyWhatTheParsersReadBackDifferently() {
		Map<String, String> tagValues = Map.of("ends\\", "ends with a backslash", "a\\\\b", "run of backslashes",
				"a\\,b", "backslash before ','", "a\\=b", "backslash before '='", "a\\ b", "backslash before ' '",
				"a\tb", "control character U+0009", "a\u0000b", "control character U+0000");
		tagValues.forEach((value, reason) -> assertThatIllegalArgumentException()
			.isThrownBy(() -> Point.measurement("m").tag("t", value).field("f", 1).toLineProtocol())
			.withMessageContaining("tag value '" + value.replace("\n", "\\n") + "'")
			.withMessageContaining(reason));
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("a\\=b").field("f", 1).toLineProtocol())
			.withMessageContaining("measurement 'a\\=b'").withMessageContaining("backslash before '='");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("a\\\"b").field("f", 1).toLineProtocol())
			.withMessageContaining("backslash before '\"'");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").field("a\\\"b", 1).toLineProtocol())
			.withMessageContaining("field key").withMessageContaining("backslash before '\"'");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").tag("time", "x").field("f", 1).toLineProtocol())
			.withMessageContaining("tag key 'time'").withMessageContaining("reserved");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").field("time", 1).toLineProtocol())
			.withMessageContaining("field key 'time'").withMessageContaining("reserved");
		assertThat(Point.measurement("m").tag("t", "a\\\"b").field("time_ms", 1).toLineProtocol()).isEqualTo("m,t=a\\\"b time_ms=1i");
	}

	@Test
	void rejectsUnderPortableRulesEveryBackslashAndLineBreaksInStrings() {
		for (String value : new String[] { "a\\\\b", "a\\,b", "a\\=b", "a\\ b", "a\\\"b", "C:\\temp" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> line(Point.measurement("m").tag("t", value).field("f", 1), LineProtocolDialect.PORTABLE))
				.withMessageContaining("contains a backslash");
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> line(Point.measurement("m").field("f", "a\nb"), LineProtocolDialect.PORTABLE))
			.withMessageContaining("string field value").withMessageContaining("line break");
		assertThat(line(Point.measurement("a\tb").field("f", 1), LineProtocolDialect.PORTABLE)).isEqualTo("a\tb f=1i");
	}

	@Test
	void removesATagSetToAnEmptyOrNullValueAndLeavesOutEmptyKeys() {
		Point point = Point.measurement("m").tag("a", "1").tag("b", "2").tag("c", "3").tag("", "x");
		point.tag("b", "").tag("c", null).tag("zzz", null);
		assertThat(point.field("f", 1).toLineProtocol()).isEqualTo("m,a=1 f=1i");
	}

	private static String line(Point point, LineProtocolDialect dialect) {
		LineProtocolBuffer buffer = new LineProtocolBuffer(64, dialect);
		point.appendTo(buffer, WritePrecision.NS, TagSet.empty());
		return new String(buffer.array(), 0, buffer.size(), StandardCharsets.UTF_8);
	}

	@Test
	void ignoresNullsEmptyTagValuesAndNonFiniteFloats() {
		Point point = Point.measurement("m")
			.tag("empty", "")
			.tag("null", null)
			.field("nan", Double.NaN)
			.field("inf", Double.POSITIVE_INFINITY)
			.field("s", (String) null)
			.field("n", (Number) null)
			.field("v", 1.25);
		assertThat(point.toLineProtocol()).isEqualTo("m v=1.25");
	}

	@Test
	void rejectsPointWithoutMeasurementOrFields() {
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement(null).field("f", 1).toLineProtocol())
			.withMessageContaining("measurement");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").field("f", Double.NaN).toLineProtocol())
			.withMessageContaining("no field");
	}

	@Test
	void rejectsNamesLineProtocolCannotCarry() {
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").tag("t", "ends\\").field("f", 1).toLineProtocol())
			.withMessageContaining("tag value 'ends\\'").withMessageContaining("ends with a backslash");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").tag("t", "a\nb").field("f", 1).toLineProtocol())
			.withMessageContaining("line break");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m\r").field("f", 1).toLineProtocol())
			.withMessageContaining("control character U+000D");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("#m").field("f", 1).toLineProtocol())
			.withMessageContaining("comment");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").field("f\\", 1).toLineProtocol())
			.withMessageContaining("field key");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").field("", 1).toLineProtocol())
			.withMessageContaining("empty");
		assertThatIllegalArgumentException().isThrownBy(() -> Point.measurement("m").field("f", "\uD800x").toLineProtocol())
			.withMessageContaining("surrogate");
	}

	@Test
	void failedEncodingLeavesBufferUntouched() {
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		buffer.appendAscii("before");
		Point bad = Point.measurement("m").tag("a", "ok").tag("b", "bad\\").field("f", 1);
		assertThatIllegalArgumentException().isThrownBy(() -> bad.appendTo(buffer, WritePrecision.NS, TagSet.empty()));
		assertThat(buffer.size()).isEqualTo(6);
	}

	@Test
	void formatsNumbers() {
		Point point = Point.measurement("m")
			.field("i", Long.MIN_VALUE)
			.field("j", Long.MAX_VALUE)
			.unsignedField("u", -1L)
			.field("whole", 42.0)
			.field("negzero", -0.0)
			.field("tiny", 1e-300)
			.field("max", Double.MAX_VALUE)
			.field("third", 1.0 / 3)
			.field("big", 1e22);
		assertThat(point.toLineProtocol()).isEqualTo("m i=-9223372036854775808i,j=9223372036854775807i,"
				+ "u=18446744073709551615u,whole=42,negzero=-0,tiny=1.0E-300,max=1.7976931348623157E308,"
				+ "third=0.3333333333333333,big=1.0E22");
	}

	@Test
	void floatsReadBackToTheSameDouble() {
		Random random = new Random(42);
		for (int i = 0; i < 100_000; i++) {
			double value = Double.longBitsToDouble(random.nextLong());
			if (!Double.isFinite(value)) {
				continue;
			}
			String line = Point.measurement("m").field("f", value).toLineProtocol();
			String text = line.substring("m f=".length());
			assertThat(text.length()).isLessThanOrEqualTo(25);
			assertThat(Double.parseDouble(text)).isEqualTo(value);
		}
	}

	@Test
	void writesDecimalsWithFewDigitsInTheirShortestPlainForm() {
		Random random = new Random(11);
		for (int i = 0; i < 100_000; i++) {
			int decimals = 1 + random.nextInt(6);
			long unscaled = random.nextLong() % 1_000_000_000_000L;
			double value = new BigDecimal(BigInteger.valueOf(unscaled), decimals).doubleValue();
			String text = Point.measurement("m").field("f", value).toLineProtocol().substring("m f=".length());
			assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
			String expected = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
			if (Math.abs(value) < 1e9) {
				assertThat(text).as("%s", value).isEqualTo(expected.equals("-0") ? "-0" : expected);
			}
		}
		assertThat(Point.measurement("m").field("f", -0.5).toLineProtocol()).isEqualTo("m f=-0.5");
		assertThat(Point.measurement("m").field("a", 0.05).field("b", -0.007).field("c", 1.000001).field("d", 20.000100)
			.toLineProtocol()).isEqualTo("m a=0.05,b=-0.007,c=1.000001,d=20.0001");
		assertThat(Point.measurement("m").field("f", 0.07).toLineProtocol()).isEqualTo("m f=0.07");
		assertThat(Point.measurement("m").field("f", 123456789.123456).toLineProtocol()).isEqualTo("m f=123456789.123456");
	}

	@Test
	void mapsNumberTypes() {
		Point point = Point.measurement("m")
			.field("int", Integer.valueOf(3))
			.field("short", Short.valueOf((short) 4))
			.field("float", Float.valueOf(0.5f))
			.field("decimal", new BigDecimal("2.5"))
			.field("bigint", BigInteger.valueOf(-7))
			.field("biguint", BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
		assertThat(point.toLineProtocol())
			.isEqualTo("m int=3i,short=4i,float=0.5,decimal=2.5,bigint=-7i,biguint=18446744073709551615u");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Point.measurement("m").field("f", BigInteger.ONE.shiftLeft(64)));
	}

	@Test
	void convertsTimestampsToThePrecision() {
		Point point = Point.measurement("m").field("f", 1).time(Instant.parse("2024-01-02T03:04:05.123456789Z"));
		assertThat(point.toLineProtocol(WritePrecision.NS)).endsWith(" 1704164645123456789");
		assertThat(point.toLineProtocol(WritePrecision.US)).endsWith(" 1704164645123456");
		assertThat(point.toLineProtocol(WritePrecision.MS)).endsWith(" 1704164645123");
		assertThat(point.toLineProtocol(WritePrecision.S)).endsWith(" 1704164645");
		Point beforeEpoch = Point.measurement("m").field("f", 1).time(-1, WritePrecision.NS);
		assertThat(beforeEpoch.toLineProtocol(WritePrecision.S)).endsWith(" -1");
	}

	@Test
	void rejectsTimestampsThatOverflow() {
		Point point = Point.measurement("m").field("f", 1).time(Instant.parse("3000-01-01T00:00:00Z"));
		assertThatIllegalArgumentException().isThrownBy(() -> point.toLineProtocol(WritePrecision.NS))
			.withMessageContaining("overflow");
		assertThat(point.toLineProtocol(WritePrecision.MS)).endsWith(" 32503680000000");
		Point seconds = Point.measurement("m").field("f", 1).time(Long.MAX_VALUE / 10, WritePrecision.S);
		assertThatIllegalArgumentException().isThrownBy(() -> seconds.toLineProtocol(WritePrecision.MS));
	}

	@Test
	void pointWithoutTimeHasNoTimestamp() {
		assertThat(Point.measurement("m").field("f", 1).toLineProtocol()).isEqualTo("m f=1i");
	}

	@Test
	void mergesDefaultTagsWithOwnTagsWinning() {
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		Point point = Point.measurement("m").tag("b", "own").tag("d", "4").field("f", 1);
		point.appendTo(buffer, WritePrecision.NS, TagSet.of(Map.of("a", "1", "b", "default", "c", "3")));
		assertThat(new String(buffer.toByteArray())).isEqualTo("m,a=1,b=own,c=3,d=4 f=1i");
	}

	@Test
	void sortsTagKeysInByteOrder() {
		Point point = Point.measurement("m").tag("\uFB01", "bmp").tag("\uD83D\uDE00", "astral").tag("Z", "z").field("f", 1);
		assertThat(point.toLineProtocol()).isEqualTo("m,Z=z,\uFB01=bmp,\uD83D\uDE00=astral f=1i");
	}


	@Test
	void aClearedPointKeepsItsMeasurementAndNothingElse() {
		Point point = Point.measurement("cpu")
			.tag("host", "a")
			.tag("region", "eu")
			.field("usage", 0.5)
			.field("name", "x")
			.time(5, WritePrecision.S);
		assertThat(point.clear()).isSameAs(point);
		assertThat(point.hasFields()).isFalse();
		point.tag("host", "b").field("count", 2);
		assertThat(point.toLineProtocol()).isEqualTo("cpu,host=b count=2i");
		for (int i = 0; i < 3; i++) {
			point.clear().tag("t" + i, "v").field("f", i).time(i, WritePrecision.NS);
			assertThat(point.toLineProtocol()).isEqualTo("cpu,t" + i + "=v f=" + i + "i " + i);
		}
	}


	@Test
	void stringFieldsFirstAddedAfterOthersOrAfterGrowingKeepEveryValue() {
		Point point = Point.measurement("m");
		for (int i = 0; i < 6; i++) {
			point.field("n" + i, i);
		}
		point.field("s", "text").field("n0", "now a string").field("n5", 5.5);
		assertThat(point.toLineProtocol())
			.isEqualTo("m n0=\"now a string\",n1=1i,n2=2i,n3=3i,n4=4i,n5=5.5,s=\"text\"");
		point.clear().field("a", 1).field("b", "x");
		assertThat(point.toLineProtocol()).isEqualTo("m a=1i,b=\"x\"");
		point.clear().field("a", 2);
		assertThat(point.toLineProtocol()).isEqualTo("m a=2i");
	}

	@Test
	void manyTagsAndFieldsOfEveryTypeKeepTheirOrderTypesAndValues() {
		Point point = Point.measurement("m");
		StringBuilder tags = new StringBuilder();
		StringBuilder fields = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			point.tag(String.format("t%02d", 39 - i), "v" + i);
			switch (i % 5) {
				case 0 -> point.field("f" + i, i * 0.5);
				case 1 -> point.field("f" + i, (long) i);
				case 2 -> point.unsignedField("f" + i, -i);
				case 3 -> point.field("f" + i, i % 2 == 0);
				default -> point.field("f" + i, "s" + i);
			}
		}
		point.tag("t05", null).field("f3", "now a string").field("f30", 30L);
		for (int i = 39; i >= 0; i--) {
			if (i != 34) {
				tags.append(String.format(",t%02d=v%d", 39 - i, i));
			}
		}
		for (int i = 0; i < 40; i++) {
			String value = switch (i % 5) {
				case 0 -> (i == 30) ? "30i" : (i % 2 == 0 ? Long.toString(i / 2) : (i * 0.5) + "");
				case 1 -> i + "i";
				case 2 -> Long.toUnsignedString(-i) + "u";
				case 3 -> (i == 3) ? "\"now a string\"" : Boolean.toString(i % 2 == 0);
				default -> "\"s" + i + "\"";
			};
			fields.append((i == 0) ? " " : ",").append('f').append(i).append('=').append(value);
		}
		assertThat(point.toLineProtocol()).isEqualTo("m" + tags + fields);
	}

}
