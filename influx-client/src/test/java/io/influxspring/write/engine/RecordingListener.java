package io.influxspring.write.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteRetry;
import io.influxspring.write.WriteSuccess;

/** Keeps every signal a writer sends. */
class RecordingListener implements WriteListener {

	final List<WriteSuccess> successes = new CopyOnWriteArrayList<>();

	final List<WriteRetry> retries = new CopyOnWriteArrayList<>();

	final List<WriteFailure> failures = new CopyOnWriteArrayList<>();

	final List<WriteDrop> drops = new CopyOnWriteArrayList<>();

	@Override
	public void onSuccess(WriteSuccess event) {
		this.successes.add(event);
	}

	@Override
	public void onRetry(WriteRetry event) {
		this.retries.add(event);
	}

	@Override
	public void onFailure(WriteFailure event) {
		this.failures.add(event);
	}

	@Override
	public void onDrop(WriteDrop event) {
		this.drops.add(event);
	}

	long droppedLines() {
		return this.drops.stream().mapToLong((drop) -> drop.lines().size()).sum();
	}

	long failedLines() {
		return this.failures.stream().mapToLong((failure) -> failure.lines().size()).sum();
	}

	long writtenLines() {
		return this.successes.stream().mapToLong((success) -> success.lines().size()).sum();
	}

}
