package dev.milink.testkit.junit;

import dev.milink.testkit.world.LinkedWorldBuilder;

/** Adjusts the world {@link MilinkSimulators} builds. Implementations need a public no-argument constructor. */
@FunctionalInterface
public interface WorldConfigurer {

    /** @param builder the builder, with the defaults of {@link LinkedWorldBuilder} */
    void configure(LinkedWorldBuilder builder);

    /** Leaves the defaults alone. */
    final class None implements WorldConfigurer {
        @Override
        public void configure(LinkedWorldBuilder builder) {
            // the defaults are the configuration
        }
    }
}
