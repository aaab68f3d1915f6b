package io.influxspring.write.lineprotocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LineProtocolBufferTest {

	@Test
	void writesLongsAsJavaDoes() {
		List<Long> values = new ArrayList<>(List.of(0L, 1L, 9L, 10L, 99L, 100L, 101L, (long) Integer.MAX_VALUE,
				Integer.MAX_VALUE + 1L, 99_999_999L, 100_000_000L, 100_000_001L, 9_999_999_999_999_999L,
				1_700_000_000_000_000_007L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
		for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
			values.addAll(List.of(power - 1, power, power + 1, power * 10 - 1));
		}
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 100_000; i++) {
			values.add(random.nextLong() >> random.nextInt(64));
		}
		LineProtocolBuffer buffer = new LineProtocolBuffer(16);
		for (long value : values) {
			buffer.reset();
			buffer.appendLong(value);
			buffer.appendLong(-value);
			assertThat(written(buffer)).isEqualTo(Long.toString(value) + (-value));
		}
	}

	@Test
	void escapesEachPrintableAsciiCharacterOfNamesAsInfluxDbReadsIt() {
		StringBuilder name = new StringBuilder();
		StringBuilder key = new StringBuilder();
		StringBuilder measurement = new StringBuilder();
		for (char c = 0x20; c < 0x7F; c++) {
			if (c == '\\') {
				continue;
			}
			name.append(c);
			key.append((c == ',' || c == ' ' || c == '=') ? "\\" : "").append(c);
			measurement.append((c == ',' || c == ' ') ? "\\" : "").append(c);
		}
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		buffer.appendKey(name.toString(), "tag key");
		assertThat(written(buffer)).isEqualTo(key.toString());
		buffer.reset();
		buffer.appendMeasurement("m" + name);
		assertThat(written(buffer)).isEqualTo("m" + measurement);
	}

	@Test
	void escapesEachAsciiCharacterOfNamesByPortableRules() {
		StringBuilder name = new StringBuilder();
		StringBuilder expected = new StringBuilder();
		for (char c = 1; c < 0x80; c++) {
			if (c == '\\' || c == '\n' || c == '\r') {
				continue;
			}
			name.append(c);
			expected.append((c == ',' || c == ' ' || c == '=') ? "\\" : "").append(c);
		}
		LineProtocolBuffer buffer = new LineProtocolBuffer(256, LineProtocolDialect.PORTABLE);
		buffer.appendKey(name.toString(), "tag key");
		assertThat(written(buffer)).isEqualTo(expected.toString());
		buffer.reset();
		buffer.appendMeasurement("m" + name);
		assertThat(written(buffer)).isEqualTo("m" + expected);
	}

	@Test
	void writesASingleBackslashAsItIsUnderInfluxDbRules() {
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		buffer.appendKey("DOMAIN\\alice", "tag value");
		buffer.appendByte(' ');
		buffer.appendMeasurement("C:\\Program Files\\a=b");
		buffer.appendByte(' ');
		buffer.appendKey("a\\\"b", "tag value");
		assertThat(written(buffer)).isEqualTo("DOMAIN\\alice C:\\Program\\ Files\\a=b a\\\"b");
	}

	@Test
	void writesAnythingInStringValuesUnderInfluxDbRules() {
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		buffer.appendStringValue("a\nb\r\tc\0\\\"");
		assertThat(written(buffer)).isEqualTo("\"a\nb\r\tc\0\\\\\\\"\"");
	}

	@Test
	void encodesNonAsciiNamesAsUtf8() {
		LineProtocolBuffer buffer = new LineProtocolBuffer(16);
		String name = "é,ü ñ=中文😀x";
		buffer.appendKey(name, "tag value");
		assertThat(written(buffer)).isEqualTo("é\\,ü\\ ñ\\=中文😀x");
	}

	@Test
	void rejectsNamesWithCharactersLineProtocolCannotCarry() {
		for (LineProtocolDialect dialect : LineProtocolDialect.values()) {
			LineProtocolBuffer buffer = new LineProtocolBuffer(16, dialect);
			buffer.appendKey("kept", "tag key");
			for (String name : List.of("a\\\\b", "a\\", "a\\,b", "a\nb", "a\rb", "a\0b", "\uD800x", "time")) {
				if (dialect == LineProtocolDialect.PORTABLE && name.equals("time")) {
					continue;
				}
				assertThatIllegalArgumentException().isThrownBy(() -> buffer.appendKey(name, "tag key"))
					.withMessageContaining("tag key");
				assertThat(written(buffer)).isEqualTo("kept");
			}
		}
	}

	@Test
	void writesEveryEightDigitGroupAsDecimal() {
		byte[] expected = "00000000".getBytes(StandardCharsets.US_ASCII);
		for (int value = 0; value < 100_000_000; value++) {
			long packed = NumberFormat.eightDigits(value);
			for (int digit = 0; digit < 8; digit++) {
				if ((byte) (packed >>> (8 * digit)) != expected[digit]) {
					assertThat(new String(bytesOf(packed), StandardCharsets.US_ASCII)).isEqualTo(String.format("%08d", value));
				}
			}
			int digit = 7;
			while (digit >= 0 && expected[digit] == '9') {
				expected[digit--] = '0';
			}
			if (digit >= 0) {
				expected[digit]++;
			}
		}
	}

	@Test
	void writesRepeatedNamesTheSameEveryTime() {
		for (LineProtocolDialect dialect : LineProtocolDialect.values()) {
			String[] names = { "a b,c=d", "host", "é,中文😀", "server-01" };
			StringBuilder expected = new StringBuilder();
			LineProtocolBuffer fresh = new LineProtocolBuffer(16, dialect);
			for (String name : names) {
				fresh.appendMeasurement(name);
				fresh.appendKey(name, "tag key");
				fresh.appendKey(new String(name), "tag value");
			}
			expected.append(written(fresh));
			LineProtocolBuffer buffer = new LineProtocolBuffer(16, dialect);
			for (int round = 0; round < 4; round++) {
				buffer.reset();
				for (String name : names) {
					buffer.appendMeasurement(name);
					buffer.appendKey(name, "tag key");
					buffer.appendKey(new String(name), "tag value");
				}
				assertThat(written(buffer)).isEqualTo(expected.toString());
			}
		}
	}

	@Test
	void checksARepeatedNameByItsRoleAndDialect() {
		LineProtocolBuffer buffer = new LineProtocolBuffer(16);
		String time = "time";
		for (int round = 0; round < 3; round++) {
			buffer.appendKey(time, "tag value");
			assertThatIllegalArgumentException().isThrownBy(() -> buffer.appendKey(time, "tag key"))
				.withMessageContaining("reserved");
		}
		assertThat(written(buffer)).isEqualTo("timetimetime");
		String equals = "a=b";
		buffer.reset();
		for (int round = 0; round < 3; round++) {
			buffer.dialect(LineProtocolDialect.INFLUXDB);
			buffer.appendMeasurement(equals);
			buffer.appendByte(' ');
			buffer.dialect(LineProtocolDialect.PORTABLE);
			buffer.appendMeasurement(equals);
			buffer.appendByte(' ');
			buffer.appendKey(equals, "tag key");
			buffer.appendByte(' ');
		}
		assertThat(written(buffer)).isEqualTo("a=b a\\=b a\\=b ".repeat(3));
	}

	@Test
	void writesANameKeptInTwoRolesRightInEach() {
		LineProtocolBuffer buffer = new LineProtocolBuffer(16);
		String name = "a b";
		String time = "time";
		for (int round = 0; round < 4; round++) {
			buffer.reset();
			buffer.appendKey(name, "tag key");
			buffer.appendByte('=');
			buffer.appendKey(name, "tag value");
			buffer.appendByte(' ');
			buffer.appendKey(time, "tag value");
			buffer.appendByte(',');
			buffer.appendKey(name, "field key");
			assertThat(written(buffer)).isEqualTo("a\\ b=a\\ b time,a\\ b");
			assertThatIllegalArgumentException().isThrownBy(() -> buffer.appendKey(time, "field key"))
				.withMessageContaining("reserved");
			assertThat(written(buffer)).isEqualTo("a\\ b=a\\ b time,a\\ b");
		}
	}

	@Test
	void writesManyNamesSharingCacheSlotsExactly() {
		LineProtocolBuffer buffer = new LineProtocolBuffer(16);
		StringBuilder expected = new StringBuilder();
		StringBuilder written = new StringBuilder();
		String[] names = new String[2000];
		for (int i = 0; i < names.length; i++) {
			names[i] = "tag " + i;
		}
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < names.length; i += (round + 1)) {
				buffer.reset();
				buffer.appendKey(names[i], "tag value");
				written.append(written(buffer)).append('\n');
				expected.append("tag\\ ").append(i).append('\n');
			}
		}
		assertThat(written.toString()).isEqualTo(expected.toString());
	}

	private static byte[] bytesOf(long packed) {
		byte[] bytes = new byte[8];
		for (int i = 0; i < 8; i++) {
			bytes[i] = (byte) (packed >>> (8 * i));
		}
		return bytes;
	}

	private static String written(LineProtocolBuffer buffer) {
		return new String(buffer.array(), 0, buffer.size(), StandardCharsets.UTF_8);
	}

}
