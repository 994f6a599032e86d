package dev.fleetjobs.launcher.scale;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * The memory of another JVM of the run, sampled while a benchmark runs: its heap through
 * its own management beans (the attach API starts its local JMX agent; nothing is
 * configured on the process) and its resident set from {@code /proc}. Keeps the peaks.
 */
final class JvmMemory implements AutoCloseable {

	private final String name;

	private final long pid;

	private final JMXConnector connector;

	private final MemoryMXBean memory;

	private final List<MemoryPoolMXBean> heapPools;

	private final long maxHeap;

	private final long cpuAtStart;

	private long peakHeapUsed;

	private long peakHeapAfterGc;

	private JvmMemory(String name, long pid, JMXConnector connector, MBeanServerConnection server) throws IOException {
		this.name = name;
		this.pid = pid;
		this.connector = connector;
		this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
				MemoryMXBean.class);
		this.heapPools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class)
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		this.maxHeap = this.memory.getHeapMemoryUsage().getMax();
		this.cpuAtStart = cpuTicks();
	}

	/** Attaches to a running JVM of this user. */
	static JvmMemory attach(String name, long pid) {
		try {
			VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
			String address;
			try {
				address = vm.startLocalManagementAgent();
			}
			finally {
				vm.detach();
			}
			JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
			return new JvmMemory(name, pid, connector, connector.getMBeanServerConnection());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot attach to " + name + " (pid " + pid + "): " + ex.getMessage(), ex);
		}
	}

	/**
	 * Takes one sample: heap in use now, and what the heap's pools held after their last
	 * collection (the live data, whatever the collector's timing).
	 */
	void sample() {
		try {
			this.peakHeapUsed = Math.max(this.peakHeapUsed, this.memory.getHeapMemoryUsage().getUsed());
			long afterGc = 0;
			for (MemoryPoolMXBean pool : this.heapPools) {
				MemoryUsage collected = pool.getCollectionUsage();
				afterGc += (collected != null) ? collected.getUsed() : 0;
			}
			this.peakHeapAfterGc = Math.max(this.peakHeapAfterGc, afterGc);
		}
		catch (RuntimeException ex) {
			// the process may be stopping; keep the peaks so far
		}
	}

	String name() {
		return this.name;
	}

	long peakHeapUsed() {
		return this.peakHeapUsed;
	}

	long peakHeapAfterGc() {
		return this.peakHeapAfterGc;
	}

	long maxHeap() {
		return this.maxHeap;
	}

	/** CPU seconds (user and system) the process used since it was attached. */
	double cpuSeconds() {
		return (cpuTicks() - this.cpuAtStart) / 100.0;
	}

	/** utime + stime from {@code /proc/<pid>/stat}, in clock ticks (100 a second). */
	private long cpuTicks() {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(this.pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** The process's peak resident set since it started ({@code VmHWM}), in bytes. */
	long peakRss() {
		return statusField("VmHWM:");
	}

	private long statusField(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.pid), "status"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone
		}
		return -1;
	}

	@Override
	public void close() {
		try {
			this.connector.close();
		}
		catch (IOException ex) {
			// the process may be gone
		}
	}

}
