package io.influxspring.autoconfigure;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.influxspring.write.WriteApi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Flushes every {@link WriteApi} bean when the context has refreshed, and closes them on shutdown:
 * after the web server's graceful shutdown and stop (so that lines written by in-flight requests
 * are kept) and before Reactor Netty's shared resources are released (phase 0).
 */
public class InfluxWriteApiLifecycle implements SmartLifecycle {

	/** After graceful shutdown ({@code DEFAULT_PHASE - 1024}) and web server stop ({@code - 2048}). */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final ObjectProvider<WriteApi> writeApis;

	private final ObjectProvider<InfluxWriteApiFactory> factory;

	private volatile boolean running;

	/**
	 * @param writeApis the writer beans
	 * @param factory the factory whose writers are managed too, beans or not
	 */
	public InfluxWriteApiLifecycle(ObjectProvider<WriteApi> writeApis, ObjectProvider<InfluxWriteApiFactory> factory) {
		this.writeApis = writeApis;
		this.factory = factory;
	}

	@Override
	public void start() {
		this.running = true;
		writeApis().forEach(WriteApi::flush);
	}

	/** Closes every writer at once, so that their close timeouts run side by side. */
	@Override
	public void stop() {
		this.running = false;
		List<WriteApi> apis = writeApis();
		if (apis.size() == 1) {
			apis.get(0).close();
			return;
		}
		CompletableFuture.allOf(apis.stream()
			.map((api) -> CompletableFuture.runAsync(api::close, (task) -> new Thread(task, "influx-close").start()))
			.toArray(CompletableFuture[]::new)).join();
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
