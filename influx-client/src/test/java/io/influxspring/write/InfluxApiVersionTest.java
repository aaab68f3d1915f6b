package io.influxspring.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class InfluxApiVersionTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			V1 | NS | ns
			V1 | US | u
			V1 | MS | ms
			V1 | S  | s
			V2 | NS | ns
			V2 | US | us
			V2 | MS | ms
			V2 | S  | s
			V3 | NS | nanosecond
			V3 | US | microsecond
			V3 | MS | millisecond
			V3 | S  | second
			""")
	void namesEachPrecisionAsItsApiDoes(InfluxApiVersion version, WritePrecision precision, String name) {
		assertThat(version.precision(precision)).isEqualTo(name);
	}

	@Test
	void writesToThePathOfItsApi() {
		assertThat(InfluxApiVersion.V1.writePath()).isEqualTo("/write");
		assertThat(InfluxApiVersion.V2.writePath()).isEqualTo("/api/v2/write");
		assertThat(InfluxApiVersion.V3.writePath()).isEqualTo("/api/v3/write_lp");
	}

}
