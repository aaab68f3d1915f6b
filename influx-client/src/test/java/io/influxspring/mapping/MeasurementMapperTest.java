package io.influxspring.mapping;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.influxspring.mapping.other.SensorReading;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.TagSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MeasurementMapperTest {

	private final MeasurementMapper mapper = new MeasurementMapper();

	enum Side {

		BUY, SELL

	}

	@InfluxMeasurement("trade")
	record Trade(@InfluxTag String symbol, @InfluxTag Side side, @InfluxField double price,
			@InfluxField(name = "qty") long quantity, @InfluxField boolean filled, @InfluxTimestamp Instant time,
			String notMapped) {
	}

	@InfluxMeasurement
	record AllTypes(@InfluxField byte b, @InfluxField short s, @InfluxField int i, @InfluxField long l,
			@InfluxField float f, @InfluxField double d, @InfluxField boolean z, @InfluxField char c,
			@InfluxField Byte bw, @InfluxField Short sw, @InfluxField Integer iw, @InfluxField Long lw,
			@InfluxField Float fw, @InfluxField Double dw, @InfluxField Boolean zw, @InfluxField Character cw,
			@InfluxField BigDecimal decimal, @InfluxField BigInteger big, @InfluxField BigInteger huge,
			@InfluxField String text, @InfluxField StringBuilder builder, @InfluxField Side side,
			@InfluxField AtomicLong counter) {
	}

	@InfluxMeasurement("tags")
	record TagTypes(@InfluxTag String text, @InfluxTag Side side, @InfluxTag Integer number, @InfluxTag boolean flag,
			@InfluxTag char letter, @InfluxTag String empty, @InfluxTag String missing, @InfluxField int v) {
	}

	@InfluxMeasurement("m")
	record LongTime(@InfluxField int v, @InfluxTimestamp(precision = WritePrecision.S) long epochSeconds) {
	}

	@InfluxMeasurement("m")
	record BoxedTime(@InfluxField int v, @InfluxTimestamp Long epochMillis) {
	}

	@InfluxMeasurement("m")
	record OffsetTime(@InfluxField int v, @InfluxTimestamp OffsetDateTime at) {
	}

	@InfluxMeasurement("m")
	record ZonedTime(@InfluxField int v, @InfluxTimestamp ZonedDateTime at) {
	}

	@InfluxMeasurement("m")
	record DateTime(@InfluxField int v, @InfluxTimestamp Date at) {
	}

	@InfluxMeasurement("m")
	record Nullable(@InfluxField Double a, @InfluxField String b, @InfluxField double c) {
	}

	@InfluxMeasurement("getters")
	static final class WithGetters {

		private final int value = 7;

		@InfluxField
		int getDoubled() {
			return this.value * 2;
		}

		@InfluxTag(name = "kind")
		String kind() {
			return "x";
		}

		@InfluxField
		boolean isActive() {
			return true;
		}

	}

	@Test
	void mapsARecord() {
		Trade trade = new Trade("ACME", Side.BUY, 12.5, 100, true, Instant.ofEpochMilli(1_700_000_000_123L), "x");
		assertThat(this.mapper.toLineProtocol(trade, WritePrecision.MS))
			.isEqualTo("trade,side=BUY,symbol=ACME price=12.5,qty=100i,filled=true 1700000000123");
		assertThat(this.mapper.toPoint(trade).toLineProtocol(WritePrecision.MS))
			.isEqualTo(this.mapper.toLineProtocol(trade, WritePrecision.MS));
		assertThat(this.mapper.measurementOf(Trade.class)).isEqualTo("trade");
	}

	@Test
	void mapsAFinalClassFromAnotherPackageWithInheritedFields() {
		SensorReading reading = new SensorReading("lab", 0.5, "s-1", 21.5, Instant.ofEpochSecond(10));
		assertThat(this.mapper.toLineProtocol(reading, WritePrecision.S))
			.isEqualTo("sensor,sensor_id=s-1,site=lab temperature=21.5,battery=0.5 10");
		assertThat(this.mapper.toPoint(reading).toLineProtocol(WritePrecision.S))
			.isEqualTo("sensor,sensor_id=s-1,site=lab temperature=21.5,battery=0.5 10");
	}

	@Test
	void mapsEveryFieldType() {
		AllTypes all = new AllTypes((byte) 1, (short) 2, 3, 4L, 0.5f, 0.25, true, 'c', (byte) -1, (short) -2, -3, -4L,
				1.5f, 2.5, false, 'w', new BigDecimal("3.75"), BigInteger.valueOf(-9),
				BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), "text", new StringBuilder("sb"), Side.SELL,
				new AtomicLong(42));
		String expected = "AllTypes b=1i,s=2i,i=3i,l=4i,f=0.5,d=0.25,z=true,c=\"c\",bw=-1i,sw=-2i,iw=-3i,lw=-4i,fw=1.5,"
				+ "dw=2.5,zw=false,cw=\"w\",decimal=3.75,big=-9i,huge=18446744073709551615u,text=\"text\","
				+ "builder=\"sb\",side=\"SELL\",counter=42i";
		assertThat(this.mapper.toLineProtocol(all, WritePrecision.NS)).isEqualTo(expected);
		assertThat(this.mapper.toPoint(all).toLineProtocol()).isEqualTo(expected);
	}

	@Test
	void mapsEveryTagTypeAndLeavesOutNullAndEmptyTags() {
		TagTypes tags = new TagTypes("a b", Side.BUY, 5, true, 'q', "", null, 1);
		assertThat(this.mapper.toLineProtocol(tags, WritePrecision.NS))
			.isEqualTo("tags,flag=true,letter=q,number=5,side=BUY,text=a\\ b v=1i");
	}

	@Test
	void mapsEveryTimestampType() {
		assertThat(this.mapper.toLineProtocol(new LongTime(1, 5), WritePrecision.MS)).isEqualTo("m v=1i 5000");
		assertThat(this.mapper.toLineProtocol(new BoxedTime(1, 5L), WritePrecision.NS)).isEqualTo("m v=1i 5000000");
		assertThat(this.mapper.toLineProtocol(new BoxedTime(1, null), WritePrecision.NS)).isEqualTo("m v=1i");
		assertThat(this.mapper.toLineProtocol(new OffsetTime(1, OffsetDateTime.of(1970, 1, 1, 1, 0, 0, 0,
				ZoneOffset.ofHours(1))), WritePrecision.S)).isEqualTo("m v=1i 0");
		assertThat(this.mapper.toLineProtocol(new ZonedTime(1, ZonedDateTime.parse("1970-01-01T00:00:02Z")),
				WritePrecision.S)).isEqualTo("m v=1i 2");
		assertThat(this.mapper.toLineProtocol(new DateTime(1, new Date(3000)), WritePrecision.S)).isEqualTo("m v=1i 3");
		assertThat(this.mapper.toPoint(new LongTime(1, 5)).toLineProtocol(WritePrecision.MS)).isEqualTo("m v=1i 5000");
	}

	@Test
	void mapsAnnotatedGetters() {
		assertThat(this.mapper.toLineProtocol(new WithGetters(), WritePrecision.NS))
			.isEqualTo("getters,kind=x doubled=14i,active=true");
	}

	@Test
	void skipsNullFieldsAndRejectsAnObjectWithoutAnyField() {
		assertThat(this.mapper.toLineProtocol(new Nullable(null, "x", Double.NaN), WritePrecision.NS)).isEqualTo("m b=\"x\"");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.mapper.toLineProtocol(new Nullable(null, null, Double.NaN), WritePrecision.NS))
			.withMessageContaining(Nullable.class.getName())
			.withMessageContaining("no field");
	}

	@Test
	void mergesDefaultTagsWithOwnNonNullTagsWinning() {
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		TagTypes tags = new TagTypes("own", Side.BUY, null, false, 'q', "", null, 1);
		this.mapper.appendTo(tags, buffer, WritePrecision.NS,
				TagSet.of(Map.of("text", "default", "number", "9", "app", "a", "zz", "z")));
		assertThat(new String(buffer.toByteArray()))
			.isEqualTo("tags,app=a,flag=false,letter=q,number=9,side=BUY,text=own,zz=z v=1i");
	}

	@Test
	void rejectsValuesThatCannotBeWrittenNamingTheMember() {
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		buffer.appendAscii("kept");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.mapper.appendTo(new Trade("bad\\", Side.BUY, 1, 1, true, null, null), buffer,
					WritePrecision.NS, TagSet.empty()))
			.withMessageContaining(Trade.class.getName() + ".symbol")
			.withMessageContaining("backslash");
		assertThat(buffer.size()).isEqualTo(4);
	}

	@Test
	void cachesThePlanPerClassAndIsThreadSafe() throws Exception {
		List<Thread> threads = new ArrayList<>();
		Set<String> lines = ConcurrentHashMap.newKeySet();
		for (int t = 0; t < 4; t++) {
			int thread = t;
			threads.add(new Thread(() -> {
				for (int i = 0; i < 1000; i++) {
					lines.add(this.mapper.toLineProtocol(
							new Trade("T" + thread, Side.SELL, i, i, false, Instant.ofEpochSecond(i), null), WritePrecision.S));
				}
			}));
		}
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(lines).hasSize(4000).contains("trade,side=SELL,symbol=T3 price=999,qty=999i,filled=false 999");
	}

}
