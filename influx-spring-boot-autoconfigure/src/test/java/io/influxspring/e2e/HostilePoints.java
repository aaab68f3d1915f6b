package io.influxspring.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.influxspring.e2e.HostileText.Piece;
import io.influxspring.e2e.HostileText.Role;
import io.influxspring.mapping.InfluxField;
import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.mapping.InfluxTag;
import io.influxspring.mapping.InfluxTimestamp;
import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;
import io.influxspring.write.lineprotocol.LineProtocolDialect;

/**
 * Points of hostile text, each with one tag, one string field and a unique integer {@code seq}
 * (its timestamp is {@code seq} milliseconds after {@link #START}), written through a {@link WriteApi}
 * as {@link Point}s or as {@code @InfluxMeasurement} records. Remembers which were accepted and which
 * were rejected at the call, and which rejections the starter's rules for the writer's
 * {@link LineProtocolDialect} (see {@link HostileText}) did not predict.
 */
final class HostilePoints {

	static final Instant START = Instant.parse("2024-07-01T00:00:00Z");

	static final String HOSTILE_MEASUREMENT = "hv rec, \"q\" =\\x€😀#";

	static final String HOSTILE_TAG_KEY = "tag ,=\"\\€ ";

	static final String HOSTILE_FIELD_KEY = "text ,=\"C:\\App 😀";

	/** A point as written. */
	record Written(long seq, String measurement, String tagKey, String tagValue, String fieldKey, String text,
			String how) {

		/** Whether the starter's rules say this point must be rejected at the call under {@code dialect}. */
		boolean mustBeRejected(LineProtocolDialect dialect) {
			return HostileText.rejected(this.measurement, Role.MEASUREMENT, dialect)
					|| HostileText.rejected(this.tagKey, Role.TAG_KEY, dialect)
					|| HostileText.rejected(this.tagValue, Role.TAG_VALUE, dialect)
					|| HostileText.rejected(this.fieldKey, Role.FIELD_KEY, dialect)
					|| HostileText.rejected(this.text, Role.STRING_VALUE, dialect);
		}

		Instant time() {
			return START.plusMillis(this.seq);
		}

		@Override
		public String toString() {
			return this.how + " #" + this.seq + " " + visible(this.measurement) + " " + visible(this.tagKey) + "="
					+ visible(this.tagValue) + " " + visible(this.fieldKey) + "=" + visible(this.text);
		}

	}

	/** A record whose measurement and keys hold what every server tested here accepts in names. */
	@InfluxMeasurement("hv rec #é€😀")
	record CleanNamesRecord(@InfluxTag(name = "tag =#€ ") String tag, @InfluxField(name = "text =#😀") String text,
			@InfluxField long seq, @InfluxTimestamp Instant at) {
	}

	/**
	 * A record whose measurement and keys hold quotes, commas, equals signs, spaces and backslashes
	 * too, as {@link LineProtocolDialect#INFLUXDB} carries them.
	 */
	@InfluxMeasurement(HOSTILE_MEASUREMENT)
	record HostileNamesRecord(@InfluxTag(name = HOSTILE_TAG_KEY) String tag,
			@InfluxField(name = HOSTILE_FIELD_KEY) String text, @InfluxField long seq, @InfluxTimestamp Instant at) {
	}

	/** A record whose measurement ends with a backslash: the type cannot be used under either dialect. */
	@InfluxMeasurement("hv rec\\")
	record BackslashRecord(@InfluxTag String tag, @InfluxField long seq) {
	}

	private final WriteApi writeApi;

	private final LineProtocolDialect dialect;

	private final List<Written> accepted = new ArrayList<>();

	private final List<Written> rejected = new ArrayList<>();

	private final List<String> unexpected = new ArrayList<>();

	private long nextSeq;

	HostilePoints(WriteApi writeApi, LineProtocolDialect dialect) {
		this.writeApi = writeApi;
		this.dialect = dialect;
	}

	/** One point per piece and role: the piece in that role, plain text elsewhere. */
	void writeGrid(String prefix, List<Piece> pieces, Role role) {
		for (Piece piece : pieces) {
			String measurement = (role == Role.MEASUREMENT) ? piece.in(role, prefix + "_m_") : prefix + "_m";
			String tagKey = (role == Role.TAG_KEY) ? piece.in(role, "t_") : "t";
			String tagValue = (role == Role.TAG_VALUE) ? piece.in(role, "v_") : "v";
			String fieldKey = (role == Role.FIELD_KEY) ? piece.in(role, "f_") : "f";
			String text = (role == Role.STRING_VALUE) ? piece.in(role, "s_") : "s";
			writePoint(new Written(this.nextSeq++, measurement, tagKey, tagValue, fieldKey, text,
					"point[" + role + ": " + piece.name() + "]"));
		}
	}

	/** Where random text comes from: a source per place of a point. */
	record Sources(HostileText.Source measurements, HostileText.Source keys, HostileText.Source tagValues,
			HostileText.Source texts) {
	}

	/** {@code count} points with text of random pieces in every place. */
	void writeRandom(String prefix, int count, Sources sources) {
		for (int i = 0; i < count; i++) {
			writePoint(new Written(this.nextSeq++, sources.measurements().next(prefix + "_r", 2),
					sources.keys().next("t_", 2), sources.tagValues().next("v_", 3), sources.keys().next("f_", 2),
					sources.texts().next("s_", 3), "random point"));
		}
	}

	/** {@code count} records of one of the two record types above, with random hostile tag values and text. */
	void writeRecords(boolean hostileNames, int count, Sources sources) {
		for (int i = 0; i < count; i++) {
			long seq = this.nextSeq++;
			String tag = sources.tagValues().next("v_", 3);
			String text = sources.texts().next("s_", 3);
			Instant at = START.plusMillis(seq);
			if (hostileNames) {
				write(new Written(seq, HOSTILE_MEASUREMENT, HOSTILE_TAG_KEY, tag, HOSTILE_FIELD_KEY, text, "record"),
						(api) -> api.writeMeasurement(new HostileNamesRecord(tag, text, seq, at)));
			}
			else {
				write(new Written(seq, "hv rec #é€😀", "tag =#€ ", tag, "text =#😀", text, "record"),
						(api) -> api.writeMeasurement(new CleanNamesRecord(tag, text, seq, at)));
			}
		}
	}

	/** Whether writing a {@link BackslashRecord} is rejected at the call. */
	boolean backslashRecordIsRejected() {
		try {
			this.writeApi.writeMeasurement(new BackslashRecord("v", -1));
			return false;
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

	private void writePoint(Written point) {
		write(point, (api) -> api.writePoint(Point.measurement(point.measurement())
			.tag(point.tagKey(), point.tagValue())
			.field(point.fieldKey(), point.text())
			.field("seq", point.seq())
			.time(point.time())));
	}

	private void write(Written point, Consumer<WriteApi> write) {
		boolean wasRejected;
		try {
			write.accept(this.writeApi);
			this.accepted.add(point);
			wasRejected = false;
		}
		catch (IllegalArgumentException ex) {
			this.rejected.add(point);
			wasRejected = true;
		}
		if (wasRejected != point.mustBeRejected(this.dialect)) {
			this.unexpected.add((wasRejected ? "rejected: " : "accepted: ") + point);
		}
	}

	List<Written> accepted() {
		return this.accepted;
	}

	List<Written> rejected() {
		return this.rejected;
	}

	/** Points whose fate at the call differs from the starter's rules. */
	List<String> unexpected() {
		return this.unexpected;
	}

	/** Text with control characters made visible, for messages. */
	static String visible(String text) {
		StringBuilder out = new StringBuilder("'");
		text.codePoints().forEach((cp) -> {
			if (cp < 0x20 || cp == 0x7f || (cp >= 0xD800 && cp <= 0xDFFF)) {
				out.append(String.format("\\u%04X", cp));
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		return out.append('\'').toString();
	}

}
