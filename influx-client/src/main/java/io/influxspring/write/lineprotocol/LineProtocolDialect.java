package io.influxspring.write.lineprotocol;

/**
 * The rules by which names and string values are escaped and checked.
 *
 * @since 0.1.0
 */
public enum LineProtocolDialect {

	/**
	 * InfluxDB's own parsers (1.x, 2.x and 3.x): everything that all three read back as written is
	 * accepted, backslashes and line breaks in string values included; a measurement's {@code =} is
	 * written bare.
	 */
	INFLUXDB,

	/**
	 * Stricter rules that compatible servers (QuestDB, VictoriaMetrics) read back as written too: no
	 * backslash in names, no line break in string values, {@code =} escaped in measurements.
	 */
	PORTABLE

}
