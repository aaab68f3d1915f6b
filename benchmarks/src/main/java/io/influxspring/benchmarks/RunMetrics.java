package io.influxspring.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

/**
 * What one timed write costs the JVM: bytes allocated and CPU time used by the calling thread and by
 * all Java threads (and by the busiest other threads), process CPU time (the rest is GC, JIT and
 * other VM threads), machine CPU time, peak heap used (before each GC, and at the end), the largest
 * heap left after a GC, and the collections.
 */
final class RunMetrics {

	private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((pool) -> pool.getType() == MemoryType.HEAP)
		.map(MemoryPoolMXBean::getName)
		.collect(Collectors.toSet());

	private final AtomicLong peakUsed = new AtomicLong();

	private final AtomicLong peakLive = new AtomicLong();

	private long callerAllocated;

	private Map<Long, Long> threadsAllocated;

	private Map<Long, Long> threadsCpu;

	private long callerCpu;

	private long machineBusy;

	private long cpuNanos;

	private long collections;

	private long collectionMillis;

	private long compilationMillis;

	RunMetrics() {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
				if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
					var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
						.getGcInfo();
					this.peakUsed.accumulateAndGet(heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
					this.peakLive.accumulateAndGet(heapUsed(info.getMemoryUsageAfterGc()), Math::max);
				}
			}, null, null);
		}
	}

	void start() {
		this.peakUsed.set(currentHeapUsed());
		this.peakLive.set(0);
		this.collections = collections();
		this.collectionMillis = collectionMillis();
		this.compilationMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
		this.cpuNanos = OS.getProcessCpuTime();
		this.machineBusy = MachineCpu.machineBusyNanos();
		this.threadsAllocated = byThread(THREADS::getThreadAllocatedBytes);
		this.threadsCpu = byThread(THREADS::getThreadCpuTime);
		this.callerCpu = THREADS.getCurrentThreadCpuTime();
		this.callerAllocated = THREADS.getCurrentThreadAllocatedBytes();
	}

	/** The figures since {@link #start()}, keyed for the report. */
	Map<String, Object> stop() {
		long caller = THREADS.getCurrentThreadAllocatedBytes() - this.callerAllocated;
		long callerCpu = THREADS.getCurrentThreadCpuTime() - this.callerCpu;
		long all = sumSince(byThread(THREADS::getThreadAllocatedBytes), this.threadsAllocated);
		Map<Long, Long> cpuByThread = byThread(THREADS::getThreadCpuTime);
		long javaCpu = sumSince(cpuByThread, this.threadsCpu);
		long cpu = OS.getProcessCpuTime() - this.cpuNanos;
		long machine = (this.machineBusy < 0) ? -1 : MachineCpu.machineBusyNanos() - this.machineBusy;
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.peakUsed.accumulateAndGet(currentHeapUsed(), Math::max);
		Map<String, Object> figures = new HashMap<>();
		figures.put("callerAlloc", caller);
		figures.put("allAlloc", all);
		figures.put("cpuNanos", cpu);
		figures.put("machineCpuNanos", machine);
		figures.put("callerCpuNanos", callerCpu);
		figures.put("javaCpuNanos", javaCpu);
		figures.put("peakHeap", this.peakUsed.get());
		figures.put("peakLive", this.peakLive.get());
		figures.put("gcs", collections() - this.collections);
		figures.put("gcMillis", collectionMillis() - this.collectionMillis);
		figures.put("jitMillis", ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - this.compilationMillis);
		figures.put("busyThreads", busyThreads(cpuByThread, cpu / 20));
		return figures;
	}

	/** Threads other than the caller that used more than {@code minimum} CPU ns, by name without numbers. */
	private String busyThreads(Map<Long, Long> cpuByThread, long minimum) {
		Map<String, Long> byName = new TreeMap<>();
		long caller = Thread.currentThread().getId();
		for (Map.Entry<Long, Long> thread : cpuByThread.entrySet()) {
			ThreadInfo info = (thread.getKey() != caller) ? THREADS.getThreadInfo(thread.getKey()) : null;
			if (info != null) {
				String name = info.getThreadName().replaceAll("[-#]?\\d+", "");
				byName.merge(name, thread.getValue() - this.threadsCpu.getOrDefault(thread.getKey(), 0L), Long::sum);
			}
		}
		StringBuilder text = new StringBuilder();
		byName.forEach((name, nanos) -> {
			if (nanos > minimum) {
				text.append((text.length() > 0) ? "," : "").append(name).append(':').append(nanos);
			}
		});
		return text.toString();
	}

	private long heapUsed(Map<String, MemoryUsage> usage) {
		long used = 0;
		for (Map.Entry<String, MemoryUsage> pool : usage.entrySet()) {
			if (this.heapPools.contains(pool.getKey())) {
				used += pool.getValue().getUsed();
			}
		}
		return used;
	}

	private static long currentHeapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** A per-thread figure of every live thread, by thread id; negative (unknown) figures are left out. */
	private static Map<Long, Long> byThread(Function<long[], long[]> figure) {
		long[] ids = THREADS.getAllThreadIds();
		long[] values = figure.apply(ids);
		Map<Long, Long> byThread = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (values[i] >= 0) {
				byThread.put(ids[i], values[i]);
			}
		}
		return byThread;
	}

	/** The growth of a per-thread figure; threads that ended in between are missed. */
	private static long sumSince(Map<Long, Long> now, Map<Long, Long> before) {
		long sum = 0;
		for (Map.Entry<Long, Long> thread : now.entrySet()) {
			sum += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
		}
		return sum;
	}

	private static long collections() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionCount)
			.sum();
	}

	private static long collectionMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

}
