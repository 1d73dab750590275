package dev.milink.examples;

import dev.milink.demo.SimulatedEnvironment;
import dev.milink.testkit.world.LinkedWorld;
import dev.milink.testkit.world.SimulatedClock;

/** The simulated world the examples run against: SQL Server with SalesDb and a Managed Instance (test doubles). */
public final class Simulators {

    private Simulators() {
    }

    /** @return a started environment; close it when done */
    public static SimulatedEnvironment start() {
        LinkedWorld world = LinkedWorld.builder().clock(SimulatedClock.standard())
                .sqlServerDatabase("SalesDb", d -> d.recoveryFull().fullBackup().logFiles(1).sizeBytes(256L << 20))
                .build().start();
        return SimulatedEnvironment.of(world);
    }
}
