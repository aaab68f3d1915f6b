package io.influxspring.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.influxspring.e2e.HostilePoints.Written;
import io.influxspring.e2e.HostileText.Piece;
import io.influxspring.e2e.HostileText.Role;
import io.influxspring.testsupport.QuestDbServer;
import io.influxspring.write.Point;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import io.influxspring.write.lineprotocol.TagSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 6 on QuestDB 9.3.4, whose own rules for table and column names (not line protocol) refuse
 * text the starter lets through: see {@link QuestDbNameRules}. Here the measurement, tag keys and
 * field keys only carry hostile pieces QuestDB allows in names (spaces, not at either end of a
 * measurement, {@code #}, Unicode, and {@code =} in keys), plus the pieces the starter rejects at the
 * call anyway; tag values and string field values carry every hostile piece (newline, tab, quotes,
 * backslashes, trailing backslash, comma, equals, space, Unicode...), except a NUL in string values,
 * which QuestDB takes but reads back without. Each point goes through the
 * Spring-managed writer (with {@code influx.write.line-protocol=portable}, the rules QuestDB needs) as a
 * {@code Point} or an {@code @InfluxMeasurement} record, and is either rejected at the call where the
 * {@link LineProtocolDialect#PORTABLE} rules say or read back exactly; QuestDB rejects nothing
 * and holds nothing else. {@code textQuestDbMisreadsIsStoredOrRejectedAtTheCall} pins text QuestDB
 * used to misread ({@code =} in a measurement, now escaped; NUL in names, now rejected at the call).
 */
class QuestDbHostileStringsE2eTest {

	/** The rules QuestDB needs: {@code influx.write.line-protocol=portable}. */
	private static final LineProtocolDialect DIALECT = LineProtocolDialect.PORTABLE;

	private static final String PORTABLE = "influx.write.line-protocol=portable";

	@RegisterExtension
	static final QuestDbServer questdb = new QuestDbServer();

	@Test
	void everyValueRoundTripsOrIsRejectedAtTheCall() {
		LineTally tally = new LineTally();
		AtomicReference<HostilePoints> written = new AtomicReference<>();
		AtomicReference<WriteStatistics> last = new AtomicReference<>();
		long started = System.nanoTime();
		ManagedWriter.listening(ManagedWriter.questDb(questdb, PORTABLE), tally).run((context) -> {
			BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
			HostilePoints points = new HostilePoints(writer, DIALECT);
			for (Role role : Role.values()) {
				points.writeGrid("hv", HostileText.PIECES.stream().filter((piece) -> allowed(piece, role)).toList(), role);
			}
			HostilePoints.Sources sources = new HostilePoints.Sources(
					new HostileText.Source(71L, Role.MEASUREMENT, DIALECT, 0.03, (piece) -> allowed(piece, Role.MEASUREMENT)),
					new HostileText.Source(72L, Role.TAG_KEY, DIALECT, 0.03, (piece) -> allowed(piece, Role.TAG_KEY)),
					new HostileText.Source(73L, Role.TAG_VALUE, DIALECT, 0.03),
					new HostileText.Source(74L, Role.STRING_VALUE, DIALECT, 0.03,
							(piece) -> allowed(piece, Role.STRING_VALUE)));
			points.writeRandom("hv", 300, sources);
			points.writeRecords(false, 100, sources);
			assertThat(points.backslashRecordIsRejected()).as("a record type whose measurement ends with a backslash")
				.isTrue();
			writer.flush().get(30, TimeUnit.SECONDS);
			context.close();
			written.set(points);
			last.set(writer.getStatistics());
		});
		HostilePoints points = written.get();
		WriteStatistics stats = last.get();
		Map<String, Long> perTable = new TreeMap<>();
		points.accepted().forEach((point) -> perTable.merge(point.measurement(), 1L, Long::sum));
		long stored = StoredRows.awaitAtLeast(() -> perTable.keySet().stream().mapToLong(questdb::count).sum(),
				points.accepted().size(), Duration.ofSeconds(30));
		List<String> mismatches = new ArrayList<>();
		perTable.keySet().forEach((table) -> mismatches.addAll(readBack(table, points.accepted())));
		TreeSet<String> tables = new TreeSet<>();
		questdb.sql("SELECT table_name FROM tables() WHERE table_name LIKE 'hv%'")
			.forEach((row) -> tables.add((String) row.get(0)));
		new ScenarioFigures("6 hostile strings (values)", "QuestDB", stats.offered(), stored, stats.dropped(), 0,
				Duration.ofNanos(System.nanoTime() - started),
				"rejected at the call " + points.rejected().size() + ", tables " + tables.size())
			.report();
		assertThat(points.unexpected()).as("points accepted or rejected against the rules").isEmpty();
		assertThat(points.accepted()).as("accepted points").hasSizeGreaterThan(300);
		assertThat(points.rejected()).as("points rejected at the call").hasSizeGreaterThan(50);
		assertThat(stats.failed()).as("lines QuestDB refused").isZero();
		assertThat(stats.written()).as("written").isEqualTo(points.accepted().size());
		assertThat(stored).as("rows in QuestDB").isEqualTo(points.accepted().size());
		assertThat(mismatches).as("points that did not read back exactly").isEmpty();
		assertThat(tables).as("tables").isEqualTo(new TreeSet<>(perTable.keySet()));
	}

	/**
	 * Reads a table's rows (seq and every tag and field column its points have) and compares them
	 * with the points; returns what differs, extra rows included.
	 */
	private static List<String> readBack(String table, List<Written> accepted) {
		List<Written> points = accepted.stream().filter((point) -> point.measurement().equals(table)).toList();
		List<String> columns = new ArrayList<>(new LinkedHashSet<>(points.stream()
			.flatMap((point) -> Stream.of(point.tagKey(), point.fieldKey()))
			.toList()));
		StringBuilder query = new StringBuilder("SELECT seq");
		columns.forEach((column) -> query.append(", ").append(quote(column)));
		List<List<Object>> rows = questdb.sql(query.append(" FROM ").append(quote(table)).toString());
		Map<Long, List<Object>> bySeq = new HashMap<>();
		List<String> mismatches = new ArrayList<>();
		for (List<Object> row : rows) {
			if (bySeq.put(((Number) row.get(0)).longValue(), row) != null) {
				mismatches.add("a second row " + row + " in " + HostilePoints.visible(table));
			}
		}
		for (Written point : points) {
			List<Object> row = bySeq.remove(point.seq());
			if (row == null || !point.tagValue().equals(row.get(1 + columns.indexOf(point.tagKey())))
					|| !point.text().equals(row.get(1 + columns.indexOf(point.fieldKey())))) {
				mismatches.add(point + " read back as " + row);
			}
		}
		bySeq.values().forEach((row) -> mismatches.add("an extra row " + row + " in " + HostilePoints.visible(table)));
		return mismatches;
	}

	static Stream<Arguments> textQuestDbMisreads() {
		return Stream.of(
				Arguments.of("'=' in a measurement", "eq=sign", Point.measurement("eq=sign").field("seq", 1L)),
				Arguments.of("U+0000 in a tag value", "nul_tag", Point.measurement("nul_tag").tag("t", "a\u0000b")
					.field("seq", 1L)));
	}

	/**
	 * Text InfluxDB stores exactly that QuestDB's line protocol parser (not its naming rules) misreads,
	 * answering 400 for the whole request: an equals sign in a measurement (written bare by
	 * {@link LineProtocolDialect#INFLUXDB}, as InfluxDB reads it; QuestDB takes {@code eq=sign seq=1i}
	 * for a field and says "No fields were provided") and U+0000 in a tag value ("field value is
	 * invalid"). Under {@link LineProtocolDialect#PORTABLE} each must round-trip or be rejected at the
	 * call: the equals sign is escaped, the NUL rejected.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("textQuestDbMisreads")
	void textQuestDbMisreadsIsStoredOrRejectedAtTheCall(String description, String table, Point point) {
		LineTally tally = new LineTally();
		ManagedWriter.listening(ManagedWriter.questDb(questdb, PORTABLE), tally).run((context) -> {
			BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
			boolean rejectedAtTheCall = false;
			try {
				writer.writePoint(point);
			}
			catch (IllegalArgumentException ex) {
				rejectedAtTheCall = true;
			}
			writer.flush().handle((done, ex) -> null).get(30, TimeUnit.SECONDS);
			if (!rejectedAtTheCall) {
				assertThat(tally.failureLines()).as("lines QuestDB refused").isZero();
				assertThat(StoredRows.awaitAtLeast(() -> questdb.count(table), 1, Duration.ofSeconds(10))).isEqualTo(1);
			}
		});
	}

	/**
	 * Pins what QuestDB refuses among single characters (and a double dot, and spaces, tabs and dots
	 * at either end) that the starter accepts, in each place of a point ({@code §} marks where the
	 * plain part of the text goes): one point per candidate and place, each identified by its {@code seq},
	 * and QuestDB's 400 answers heard by a listener. The result must be {@link QuestDbNameRules}.
	 */
	@Test
	void questDbRefusesExactlyTheseCharacters() {
		List<String> candidates = new ArrayList<>();
		for (char c : "\u0000\u0001\u0008\t\u000B\u000C\u000E\u000F\u0010\u001F\u007F\u00A0\u200B\u2028\uFEFF".toCharArray()) {
			candidates.add("§" + c + "x");
		}
		" !\"#$%&'()*+,-./:;<=>?@[]^_`{|}~é€".chars().forEach((c) -> candidates.add("§" + (char) c + "x"));
		candidates.addAll(List.of("§😀x", "§..x", " §", "§ ", ".§", "§.", "§\t", "\t§", "§\u00A0"));
		LineTally tally = new LineTally();
		TreeSet<String> expected = new TreeSet<>();
		List<String> probes = new ArrayList<>();
		ManagedWriter.listening(ManagedWriter.questDb(questdb, PORTABLE), tally).run((context) -> {
			BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
			for (Role role : Role.values()) {
				for (String candidate : candidates) {
					int seq = probes.size();
					String text = candidate.replace("§", "p" + seq);
					Point point = probe(role, text, seq);
					try {
						point.appendTo(new LineProtocolBuffer(64, DIALECT), WritePrecision.NS, TagSet.empty());
					}
					catch (IllegalArgumentException rejectedAtTheCall) {
						continue;
					}
					probes.add(role + " " + HostilePoints.visible(candidate));
					if (!QuestDbNameRules.accepts(text, role)) {
						expected.add(probes.get(seq));
					}
					writer.writePoint(point);
					writer.flush();
				}
			}
			writer.flush().handle((done, ex) -> null).get(30, TimeUnit.SECONDS);
			awaitIdle(writer);
		});
		TreeSet<String> refused = new TreeSet<>();
		tally.failedSeqs().forEach((seq) -> refused.add(probes.get(seq.intValue())));
		assertThat(tally.successLines() + tally.failureLines()).as("probes answered").isEqualTo(probes.size());
		assertThat(refused).as("what QuestDB refused").isEqualTo(expected);
	}

	private static Point probe(Role role, String text, long seq) {
		return switch (role) {
			case MEASUREMENT -> Point.measurement(text).field("seq", seq);
			case TAG_KEY -> Point.measurement("probe_tag_keys").tag(text, "v").field("seq", seq);
			case TAG_VALUE -> Point.measurement("probe_tag_values").tag("t", text).field("seq", seq);
			case FIELD_KEY -> Point.measurement("probe_field_keys").field(text, 1L).field("seq", seq);
			case STRING_VALUE -> Point.measurement("probe_strings").field("s", text).field("seq", seq);
		};
	}

	/**
	 * Whether the piece may stand in {@code role} on QuestDB: it is rejected at the call or QuestDB
	 * stores it exactly.
	 */
	private static boolean allowed(Piece piece, Role role) {
		return piece.rejectedAs(role, DIALECT) || QuestDbNameRules.storesExactly(piece.in(role, "x"), role);
	}

	private static String quote(String name) {
		return QuestDbServer.quoteIdentifier(name);
	}

	/** Waits until QuestDB answered every request. */
	static void awaitIdle(BatchingWriteApi writer) {
		await().atMost(Duration.ofSeconds(30)).until(() -> writer.getStatistics().buffered() == 0);
	}

}
