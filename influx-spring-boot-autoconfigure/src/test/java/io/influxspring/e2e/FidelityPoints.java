package io.influxspring.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded random {@link FidelityPoint}s made of the fragments line protocol finds hardest: in each
 * point, names are made of fragments every name can carry, except, in about a third of the points,
 * one element (the measurement, a tag key or value, a field key) made of every fragment, which may or
 * may not be rejected; string values are made of every fragment always.
 * <p>
 * Tag keys always hold a {@code T} and field keys an {@code F} (at a random place), which no fragment
 * holds, so that a tag key never equals a field key; with a small share a key of a risky element is
 * one InfluxDB reserves instead.
 */
final class FidelityPoints {

	/** Fragments every name carries wherever they stand, as long as a name does not start with {@code #}. */
	static final List<String> CARRIED = List.of("\"", "=", ",", " ", "#", "é", "€", "😀", "日本", "a", "b", "x1", "_",
			"-", "'", "\\a", "\\é", "\\#", "\\😀", "C:\\Dir", "DOMAIN\\user", "{\"k\": [1]}");

	/** Every fragment: the carried ones, and backslashes, control characters and a leading hash. */
	static final List<String> ALL = concat(CARRIED, List.of("\\", "\\\\", "\\,", "\\ ", "\\=", "\\\"", "\t", "\r",
			"\n", "\r\n", "\u0000", "#", "\\\\server\\share"));

	private static final List<String> RESERVED_TAG_KEYS = List.of("time", "_field", "_measurement", "__chunk_order");

	private static final List<String> RESERVED_FIELD_KEYS = List.of("time", "__chunk_order");

	private final Random random;

	private final List<String> measurements = new ArrayList<>();

	private long nextSeq;

	FidelityPoints(long seed) {
		this.random = new Random(seed);
	}

	/** The next point. */
	FidelityPoint next() {
		int tagCount = this.random.nextInt(4);
		int fieldCount = 1 + this.random.nextInt(3);
		int elements = 1 + tagCount * 2 + fieldCount;
		int risky = (this.random.nextInt(3) == 0) ? this.random.nextInt(elements) : -1;
		String measurement = (risky == 0) ? riskyMeasurement() : carriedMeasurement();
		TreeMap<String, String> tags = new TreeMap<>();
		for (int i = 0; i < tagCount; i++) {
			String key = (risky == 1 + 2 * i) ? riskyKey('T', RESERVED_TAG_KEYS) : key('T', CARRIED);
			tags.put(key, name(3, (risky == 2 + 2 * i) ? ALL : CARRIED));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < fieldCount; i++) {
			String key = (risky == 1 + 2 * tagCount + i) ? riskyKey('F', RESERVED_FIELD_KEYS) : key('F', CARRIED);
			fields.put(key, name(8, ALL));
		}
		return new FidelityPoint(this.nextSeq++, measurement, tags, fields);
	}

	private String carriedMeasurement() {
		if (!this.measurements.isEmpty() && this.random.nextBoolean()) {
			return this.measurements.get(this.random.nextInt(this.measurements.size()));
		}
		String measurement = "m" + name(3, CARRIED);
		this.measurements.add(measurement);
		return measurement;
	}

	private String riskyMeasurement() {
		return (this.random.nextBoolean() ? "m" : "") + name(3, ALL);
	}

	private String riskyKey(char marker, List<String> reserved) {
		if (this.random.nextInt(10) == 0) {
			return reserved.get(this.random.nextInt(reserved.size()));
		}
		return key(marker, ALL);
	}

	/** 1 to 3 fragments with {@code marker} between two of them, or at either end. */
	private String key(char marker, List<String> fragments) {
		List<String> parts = new ArrayList<>();
		int count = 1 + this.random.nextInt(3);
		for (int i = 0; i < count; i++) {
			parts.add(fragments.get(this.random.nextInt(fragments.size())));
		}
		parts.add(this.random.nextInt(count + 1), String.valueOf(marker));
		return String.join("", parts);
	}

	/** 1 to {@code maxFragments} fragments. */
	private String name(int maxFragments, List<String> fragments) {
		StringBuilder name = new StringBuilder();
		int count = 1 + this.random.nextInt(maxFragments);
		for (int i = 0; i < count; i++) {
			name.append(fragments.get(this.random.nextInt(fragments.size())));
		}
		return name.toString();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

}
