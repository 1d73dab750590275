package dev.milink.testkit.junit;

import com.azure.resourcemanager.sql.SqlServerManager;
import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import dev.milink.testkit.arm.ArmSimulator;
import dev.milink.testkit.arm.ArmSimulators;
import dev.milink.testkit.world.LinkedWorld;
import dev.milink.testkit.world.LinkedWorldBuilder;
import dev.milink.testkit.world.SimulatedClock;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link MilinkSimulators}: starts a {@link LinkedWorld} per test or per class,
 * resolves its parts as parameters, and closes it when the test (or class) ends, through JUnit's store. Sets the
 * Azure SDK's LRO delay provider to 1 ms once per JVM so the real SDK never waits 30 s between polls.
 */
public final class LinkedWorldExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LinkedWorldExtension.class);
    private static final String KEY = "world";
    private static final AtomicBoolean FAST_POLLING = new AtomicBoolean();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (settings(context).scope() == MilinkSimulators.Scope.PER_CLASS) {
            context.getStore(NAMESPACE).put(KEY, new WorldResource(start(context)));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (settings(context).scope() == MilinkSimulators.Scope.PER_TEST) {
            context.getStore(NAMESPACE).put(KEY, new WorldResource(start(context)));
        }
    }

    private static MilinkSimulators settings(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), MilinkSimulators.class)
                .orElseThrow(() -> new ExtensionConfigurationException("LinkedWorldExtension needs @MilinkSimulators on "
                        + context.getRequiredTestClass().getName()));
    }

    private static LinkedWorld start(ExtensionContext context) {
        if (FAST_POLLING.compareAndSet(false, true)) {
            ArmSimulators.useFastPolling();
        }
        MilinkSimulators settings = settings(context);
        LinkedWorldBuilder builder = LinkedWorld.builder().httpsArm(settings.httpsArm());
        try {
            settings.configurer().getDeclaredConstructor().newInstance().configure(builder);
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException | InvocationTargetException e) {
            throw new ExtensionConfigurationException("cannot create " + settings.configurer().getName()
                    + "; it needs a public no-argument constructor", e);
        }
        return builder.build().start();
    }

    private static LinkedWorld world(ExtensionContext context) {
        WorldResource resource = context.getStore(NAMESPACE).get(KEY, WorldResource.class);
        if (resource == null) {
            throw new ParameterResolutionException("no LinkedWorld is running here; with Scope.PER_TEST only test and "
                    + "@BeforeEach/@AfterEach methods can receive one");
        }
        return resource.world();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LinkedWorld.class || type == DataSource.class || type == SQLServerDataSource.class
                || type == SqlServerManager.class || type == ArmSimulator.class || type == SimulatedClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LinkedWorld world = world(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == LinkedWorld.class) {
            return world;
        }
        if (type == DataSource.class || type == SQLServerDataSource.class) {
            return parameter.isAnnotated(ManagedInstanceEndpoint.class) ? world.managedInstanceDataSource()
                    : world.sqlServerDataSource();
        }
        if (type == SqlServerManager.class) {
            return world.sqlServerManager();
        }
        if (type == ArmSimulator.class) {
            return world.arm();
        }
        if (world.clock() instanceof SimulatedClock clock) {
            return clock;
        }
        throw new ParameterResolutionException("the world runs on " + world.clock() + ", not a SimulatedClock");
    }

    /** Closes the world when JUnit discards the store it lives in (JUnit 5.13+ closes AutoCloseable store values). */
    private record WorldResource(LinkedWorld world) implements AutoCloseable {
        @Override
        public void close() {
            world.close();
        }
    }
}
