package io.influxspring.write.engine;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading which lines a server kept, from the answers of InfluxDB 1.6 recorded on the real server. */
class PartialWritesTest {

	@Test
	void namesEveryQuotedLineOfAnInfluxDb1Answer() {
		Batch batch = batch("c2 v=1 1", "c2 v= 2", "c2,t=a", "c2 v=4 4", "c2 v=5 5 xx");
		String message = "partial write: unable to parse 'c2 v= 2': missing field value\nunable to parse 'c2,t=a':"
				+ " missing fields\nunable to parse 'c2 v=5 5 xx': point is invalid dropped=0";
		assertThat(refused(batch, message)).isEqualTo(bits(1, 2, 4));
	}

	@Test
	void aQuoteSpansTheLinesAnUnbalancedQuoteSwallowed() {
		Batch batch = batch("m3 v=1 1", "m3 v=bad\" 2", "m3 v=3 3");
		String message = "partial write: unable to parse 'm3 v=bad\" 2\nm3 v=3 3': invalid boolean dropped=0";
		assertThat(refused(batch, message)).isEqualTo(bits(1, 2));
	}

	@Test
	void linesWithQuotesLineBreaksAndUnicodeAreMatchedWhole() {
		Batch batch = batch("c4 v=1 1", "c4 s=\"line1\nline2\",v=bad 2", "c5,t=é°C v=ünï 2", "c3 s=\"it's\",v=x 2");
		String message = "partial write: unable to parse 'c4 s=\"line1\nline2\",v=bad 2': invalid boolean\n"
				+ "unable to parse 'c5,t=é°C v=ünï 2': invalid boolean\nunable to parse 'c3 s=\"it's\",v=x 2':"
				+ " invalid boolean dropped=0";
		assertThat(refused(batch, message)).isEqualTo(bits(1, 2, 3));
	}

	@Test
	void aDropCountNamesNoLine() {
		Batch batch = batch("r v=1 1", "r v=2 2", "r v=3 3", "r v=4 4");
		PartialWrite partial = PartialWrites.read(batch, "", "partial write: points beyond retention policy dropped=2");
		assertThat(partial).isNotNull();
		assertThat(partial.refused()).isNull();
		assertThat(partial.refusedCount()).isEqualTo(2);
	}

	@Test
	void aRefusalOfEveryLineIsNoPartialWrite() {
		Batch batch = batch("c6 v= 1", "c6 v=x 2");
		assertThat(PartialWrites.read(batch, "", "unable to parse 'c6 v= 1': missing field value\n"
				+ "unable to parse 'c6 v=x 2': invalid boolean")).isNull();
		assertThat(PartialWrites.read(batch, "{\"error\":\"parsing failed for write_lp endpoint\",\"data\":"
				+ "{\"line_number\":1}}", "parsing failed for write_lp endpoint")).isNull();
	}

	@Test
	void anInfluxDb3PartialWriteListsLineNumbers() {
		Batch batch = batch("a v=1i", "a v=x", "a v=3i");
		String body = "{\"error\":\"partial write of line protocol occurred\",\"data\":[{\"original_line\":\"a v=x\","
				+ "\"line_number\":2,\"error_message\":\"bad\"}]}";
		assertThat(PartialWrites.read(batch, body, "partial write of line protocol occurred").refused())
			.isEqualTo(bits(1));
	}

	private static BitSet refused(Batch batch, String message) {
		PartialWrite partial = PartialWrites.read(batch, "", message);
		assertThat(partial).isNotNull();
		assertThat(partial.refusedCount()).isEqualTo(partial.refused().cardinality());
		return partial.refused();
	}

	private static BitSet bits(int... indexes) {
		BitSet bits = new BitSet();
		for (int index : indexes) {
			bits.set(index);
		}
		return bits;
	}

	private static Batch batch(String... lines) {
		byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
		int[] ends = new int[lines.length];
		int end = 0;
		for (int i = 0; i < lines.length; i++) {
			end += lines[i].getBytes(StandardCharsets.UTF_8).length + 1;
			ends[i] = end;
		}
		return new Batch(1, bytes, bytes.length, ends, lines.length);
	}

}
