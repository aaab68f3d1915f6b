package io.influxspring.write.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.WriteResponse;
import io.influxspring.write.WriteSuccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arrays of batches written on their first attempt are filled again by later batches when no
 * listener can see the lines, and never while one can.
 */
class BatchArraysTest {

	private static final long T0 = 1_000_000_000L;

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	@Test
	void theArraysOfABatchWrittenAreFilledByALaterBatch() {
		LineAccumulator accumulator = new LineAccumulator(WriteOptions.builder().batchSize(2).build());
		append(accumulator, "m v=0i", "m v=1i");
		Batch first = accumulator.drain(T0).get(0);
		byte[] firstBytes = first.bytes;
		int[] firstEnds = first.lineEnds;
		assertThat(accumulator.land(first, false)).isTrue();
		accumulator.settle(first, Settlement.WRITTEN, 2, null, 0);
		accumulator.recycle(first);
		assertThat(first.bytes).isEmpty();
		append(accumulator, "m v=2i", "m v=3i", "m v=4i", "m v=5i");
		List<Batch> next = accumulator.drain(T0);
		assertThat(next.get(1).bytes).isSameAs(firstBytes);
		assertThat(next.get(1).lineEnds).isSameAs(firstEnds);
		assertThat(next.get(1).view().lines()).containsExactly("m v=4i", "m v=5i");
	}

	@Test
	void everyBatchOutstandingAtOnceGivesItsArraysToALaterOne() {
		// the first later batch fills the arrays the open batch was given before any came back
		LineAccumulator accumulator = new LineAccumulator(WriteOptions.builder().batchSize(2).build());
		Set<byte[]> recycled = writeAndRecycle(accumulator, 10);
		List<Batch> next = writeAndDrain(accumulator, 10, 20);
		assertThat(next).hasSize(10);
		assertThat(next).extracting((batch) -> recycled.contains(batch.bytes))
			.containsExactly(false, true, true, true, true, true, true, true, true, true);
		assertThat(next.get(9).view().lines()).containsExactly("m v=38i", "m v=39i");
	}

	@Test
	void theArraysKeptFitInTheBufferMemoryTheLinesHeldLeave() {
		LineAccumulator accumulator = new LineAccumulator(
				WriteOptions.builder().batchSize(2).maxBatchBytes(1024).bufferMemory(2600).build());
		Set<byte[]> recycled = writeAndRecycle(accumulator, 10);
		List<Batch> next = writeAndDrain(accumulator, 10, 20);
		assertThat(next.stream().filter((batch) -> recycled.contains(batch.bytes))).hasSize(2);
	}

	@Test
	void aBatchRetriedOrStillUnsettledIsNotRecycled() {
		LineAccumulator accumulator = new LineAccumulator(WriteOptions.builder().batchSize(1).build());
		append(accumulator, "m v=0i", "m v=1i");
		List<Batch> batches = accumulator.drain(T0);
		accumulator.recycle(batches.get(0));
		assertThat(batches.get(0).view().lines()).containsExactly("m v=0i");
		batches.get(1).attempts = 2;
		accumulator.land(batches.get(1), false);
		accumulator.settle(batches.get(1), Settlement.WRITTEN, 1, null, 0);
		accumulator.recycle(batches.get(1));
		assertThat(batches.get(1).view().lines()).containsExactly("m v=1i");
	}

	@Test
	void batchAfterBatchIsDeliveredIntactWhenNoListenerSeesTheLines() throws Exception {
		List<Integer> statuses = new CopyOnWriteArrayList<>();
		BatchingWriteApi writer = writer(100, new WriteListener() {

			@Override
			public void onResponse(WriteResponse event) {
				statuses.add(event.statusCode());
			}

		});
		try {
			List<String> expected = new ArrayList<>();
			for (int round = 0; round < 20; round++) {
				List<String> lines = new ArrayList<>();
				for (int i = 0; i < 100 + round; i++) {
					lines.add("m,round=" + round + " v=" + i + "i");
				}
				writer.writeRecords(lines);
				writer.flush().get(10, TimeUnit.SECONDS);
				expected.addAll(lines);
			}
			assertThat(server.receivedLines()).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(statuses).hasSize(39).containsOnly(204);
		}
		finally {
			writer.close();
		}
	}

	@Test
	void aListenerOfSuccessesKeepsTheLinesItWasGiven() throws Exception {
		List<WriteSuccess> successes = new CopyOnWriteArrayList<>();
		BatchingWriteApi writer = writer(10, new WriteListener() {

			@Override
			public void onSuccess(WriteSuccess event) {
				successes.add(event);
			}

		});
		try {
			for (int round = 0; round < 5; round++) {
				writer.writeRecords(List.of("m v=" + round + "i"));
				writer.flush().get(10, TimeUnit.SECONDS);
			}
			assertThat(successes).extracting((success) -> success.lines().lines().get(0))
				.containsExactly("m v=0i", "m v=1i", "m v=2i", "m v=3i", "m v=4i");
		}
		finally {
			writer.close();
		}
	}

	private static BatchingWriteApi writer(int batchSize, WriteListener listener) {
		return BatchingWriteApi.builder(WebClient.create(), server.url())
			.path("/write?db=d")
			.options(WriteOptions.builder().batchSize(batchSize).build())
			.listener(listener)
			.build();
	}

	/**
	 * Writes {@code count} batches of two lines at once, then lands them written, the first ones while the
	 * others still wait, and recycles them; their arrays.
	 */
	private static Set<byte[]> writeAndRecycle(LineAccumulator accumulator, int count) {
		Set<byte[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Batch batch : writeAndDrain(accumulator, count, 0)) {
			arrays.add(batch.bytes);
			accumulator.recycle(batch);
		}
		return arrays;
	}

	/** Writes {@code count} batches of two lines from {@code m v=<from>i} at once and lands them written. */
	private static List<Batch> writeAndDrain(LineAccumulator accumulator, int count, int from) {
		for (int i = from; i < from + 2 * count; i++) {
			append(accumulator, "m v=" + i + "i");
		}
		List<Batch> written = new ArrayList<>();
		for (List<Batch> batches = accumulator.drain(T0); !batches.isEmpty(); batches = accumulator.drain(T0)) {
			for (Batch batch : batches) {
				assertThat(accumulator.land(batch, false)).isTrue();
				accumulator.settle(batch, Settlement.WRITTEN, 2, null, 0);
				written.add(batch);
			}
		}
		return written;
	}

	private static void append(LineAccumulator accumulator, String... records) {
		EncodedLines lines = WriterFixture.encoded(records);
		accumulator.append(lines);
	}

}
