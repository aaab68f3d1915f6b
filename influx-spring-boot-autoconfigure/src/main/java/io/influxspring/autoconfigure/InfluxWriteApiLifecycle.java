package io.influxspring.autoconfigure;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.influxspring.write.WriteApi;
import io.influxspring.write.engine.BatchingWriteApi;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Flushes every {@link WriteApi} bean when the context has refreshed; when it stops, delivers what
 * they hold and suspends sending, after the web server's graceful shutdown and stop (so that lines
 * written by in-flight requests are kept) and before Reactor Netty's shared resources are released
 * (phase 0); a restart resumes sending, and closing the context closes them.
 *
 * @since 0.1.0
 */
public class InfluxWriteApiLifecycle implements SmartLifecycle, DisposableBean {

	/** After graceful shutdown ({@code DEFAULT_PHASE - 1024}) and web server stop ({@code - 2048}). */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final ObjectProvider<WriteApi> writeApis;

	private final ObjectProvider<InfluxWriteApiFactory> factory;

	private volatile boolean running;

	/** Whether the context was stopped before: a start is then a restart. */
	private volatile boolean stopped;

	/**
	 * @param writeApis the writer beans
	 * @param factory the factory whose writers are managed too, beans or not
	 */
	public InfluxWriteApiLifecycle(ObjectProvider<WriteApi> writeApis, ObjectProvider<InfluxWriteApiFactory> factory) {
		this.writeApis = writeApis;
		this.factory = factory;
	}

	/** Sends again, after a stop, what was kept meanwhile; flushes what was written during startup. */
	@Override
	public void start() {
		this.running = true;
		InfluxWriteApiFactory writeApiFactory = this.factory.getIfAvailable();
		WebClient renewed = (this.stopped && writeApiFactory != null) ? writeApiFactory.renewWebClient() : null;
		for (WriteApi api : writeApis()) {
			BatchingWriteApi batching = batching(api);
			if (batching != null) {
				if (renewed != null && writeApiFactory.isBuiltHere(batching)) {
					batching.resume(renewed);
				}
				else {
					batching.resume();
				}
			}
			api.flush();
		}
	}

	/**
	 * Delivers what every writer holds (side by side, each within its close timeout) and suspends
	 * sending: writes made while the context is stopped are kept and sent after {@link #start()}.
	 * Other writers are closed.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.stopped = true;
		eachAtOnce((api) -> {
			BatchingWriteApi batching = batching(api);
			if (batching != null) {
				batching.suspend();
			}
			else {
				api.close();
			}
		});
	}

	/** Closes every writer when the context closes; they are suspended by then, so this ends at once. */
	@Override
	public void destroy() {
		eachAtOnce(WriteApi::close);
	}

	private void eachAtOnce(Consumer<WriteApi> action) {
		List<WriteApi> apis = writeApis();
		if (apis.size() == 1) {
			action.accept(apis.get(0));
			return;
		}
		CompletableFuture.allOf(apis.stream()
			.map((api) -> CompletableFuture.runAsync(() -> action.accept(api),
					(task) -> new Thread(task, "influx-close").start()))
			.toArray(CompletableFuture[]::new)).join();
	}

	/** The batching writer a writer is or delegates to, or {@code null}. */
	private static @Nullable BatchingWriteApi batching(WriteApi api) {
		if (api instanceof BucketWriteApi bucket) {
			return bucket.getWriteApi();
		}
		return (api instanceof BatchingWriteApi batching) ? batching : null;
	}

	/** The writer beans and the factory's writers, each once. */
	private List<WriteApi> writeApis() {
		Set<WriteApi> all = Collections.newSetFromMap(new IdentityHashMap<>());
		all.addAll(this.writeApis.orderedStream().toList());
		InfluxWriteApiFactory writeApiFactory = this.factory.getIfAvailable();
		if (writeApiFactory != null) {
			all.addAll(writeApiFactory.getCreated());
		}
		return List.copyOf(all);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
