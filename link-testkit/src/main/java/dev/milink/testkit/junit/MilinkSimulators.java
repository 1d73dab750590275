package dev.milink.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a fresh {@link dev.milink.testkit.world.LinkedWorld} (simulated SQL Server,
 * simulated Managed Instance SQL endpoint and simulated ARM: test doubles, not SQL Server or Azure) and injects
 * it, or parts of it, into test and lifecycle method parameters:
 * {@code LinkedWorld}, {@code DataSource} / {@code SQLServerDataSource} (SQL Server; annotate the parameter with
 * {@link ManagedInstanceEndpoint} for the instance's endpoint), {@code SqlServerManager}, {@code ArmSimulator},
 * {@code SimulatedClock}.
 *
 * <pre>{@code
 * @MilinkSimulators(configurer = SalesDb.class)
 * class MyLinkTest {
 *     @Test
 *     void seeds(LinkedWorld world, DataSource sqlServer, @ManagedInstanceEndpoint DataSource mi) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LinkedWorldExtension.class)
public @interface MilinkSimulators {

    /** @return one world per test method (default) or one for the whole class */
    Scope scope() default Scope.PER_TEST;

    /** @return adjusts the world before it is built (databases, clock, speeds); needs a no-argument constructor */
    Class<? extends WorldConfigurer> configurer() default WorldConfigurer.None.class;

    /** @return also serve ARM over HTTPS on loopback; the injected {@code SqlServerManager} then uses it */
    boolean httpsArm() default false;

    /** How long a world lives. */
    enum Scope {
        /** A new world for every test method. */
        PER_TEST,
        /** One world for all tests of the class (state carries over between tests). */
        PER_CLASS
    }
}
