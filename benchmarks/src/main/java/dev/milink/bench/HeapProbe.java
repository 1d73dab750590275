package dev.milink.bench;

import dev.milink.LinkSpec;
import dev.milink.demo.SimulatedEnvironment;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Runs in a fresh JVM for {@link HeapBench}; prints {@code heap: <empty> <world> <watching> <events>} in bytes. */
public final class HeapProbe {

    static final String PREFIX = "heap:";

    private HeapProbe() {
    }

    /**
     * @param args the number of links
     * @throws Exception when the world cannot be built
     */
    public static void main(String[] args) throws Exception {
        int links = Integer.parseInt(args[0]);
        Class.forName("dev.milink.testkit.world.LinkedWorld");
        long empty = usedAfterGc();
        try (SimulatedEnvironment env = Worlds.linked(links)) {
            LinkSpec spec = Worlds.plan(env, links).spec();
            env.monitor().health(spec);
            long world = usedAfterGc();
            AtomicLong events = new AtomicLong();
            try (AutoCloseable watch = env.monitor().watch(spec, Duration.ofMillis(100), e -> events.incrementAndGet())) {
                Thread.sleep(3000);
                long watching = usedAfterGc();
                System.out.println(PREFIX + " " + empty + " " + world + " " + watching + " " + events.get());
            }
        }
        System.exit(0);
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
