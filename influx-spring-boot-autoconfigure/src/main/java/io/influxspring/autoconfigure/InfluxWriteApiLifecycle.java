package io.influxspring.autoconfigure;

import java.util.List;

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

	private volatile boolean running;

	public InfluxWriteApiLifecycle(ObjectProvider<WriteApi> writeApis) {
		this.writeApis = writeApis;
	}

	@Override
	public void start() {
		this.running = true;
		this.writeApis.orderedStream().forEach(WriteApi::flush);
	}

	@Override
	public void stop() {
		this.running = false;
		List<WriteApi> apis = this.writeApis.orderedStream().toList();
		apis.forEach(WriteApi::close);
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
