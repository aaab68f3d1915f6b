package io.influxspring.write.engine;

import java.util.BitSet;

import org.jspecify.annotations.Nullable;

/**
 * What a server that answered "partial write" refused of a batch: the lines one by one where its
 * answer names them, otherwise only how many.
 *
 * @param refused the indexes (0-based) of the lines refused, or {@code null} when the answer names none
 * @param refusedCount how many lines were refused
 */
record PartialWrite(@Nullable BitSet refused, int refusedCount) {

	static PartialWrite identified(BitSet refused) {
		return new PartialWrite(refused, refused.cardinality());
	}

	static PartialWrite counted(int refusedCount) {
		return new PartialWrite(null, refusedCount);
	}

}
