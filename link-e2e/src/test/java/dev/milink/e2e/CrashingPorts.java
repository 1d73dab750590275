package dev.milink.e2e;

import dev.milink.DatabaseName;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.SqlServerPort;
import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.state.InstanceFacts;
import dev.milink.state.LinkResourceState;
import dev.milink.state.SqlServerState;
import dev.milink.state.TrustCertificateState;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.SqlServerStep;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Wraps the real ports and "kills the process" at one port call: an {@link Error} thrown either before the call
 * reaches SQL Server or ARM (a crash at a step boundary or between a step's observation and its effect) or after
 * it returned (the effect happened, the runner never heard of it). Calls are numbered in the order the runner makes
 * them, over both ports.
 */
final class CrashingPorts {

    /** Where the crash happens relative to the numbered call. */
    enum When { BEFORE, AFTER }

    /** The simulated death of the process running milink; not an exception milink may catch. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String call, int number, When when) {
            super("simulated crash " + when.name().toLowerCase(java.util.Locale.ROOT) + " call #" + number + " (" + call + ")");
        }
    }

    private final int crashAt;
    private final When when;
    private final AtomicInteger calls = new AtomicInteger();
    private final java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean crashed;
    final SqlServerPort sql;
    final ManagedInstancePort mi;

    /**
     * @param sql the real SQL Server port
     * @param mi the real Managed Instance port
     * @param crashAt the call that crashes (1-based); 0 = never
     * @param when before or after that call
     */
    CrashingPorts(SqlServerPort sql, ManagedInstancePort mi, int crashAt, When when) {
        this.crashAt = crashAt;
        this.when = when;
        this.sql = new Sql(sql);
        this.mi = new Mi(mi);
    }

    /** @return how many calls were made */
    int calls() {
        return calls.get();
    }

    /** @return whether the crash happened */
    boolean crashed() {
        return crashed;
    }

    /** @return the calls, in order, by name */
    List<String> log() {
        return List.copyOf(log);
    }

    private <T> T call(String name, Supplier<T> action) {
        int n = calls.incrementAndGet();
        log.add(name);
        boolean here = n == crashAt && !crashed;
        if (here && when == When.BEFORE) {
            crashed = true;
            throw new SimulatedCrash(name, n, when);
        }
        T result = action.get();
        if (here) {
            crashed = true;
            throw new SimulatedCrash(name, n, when);
        }
        return result;
    }

    private final class Sql implements SqlServerPort {
        private final SqlServerPort delegate;

        Sql(SqlServerPort delegate) {
            this.delegate = delegate;
        }

        @Override
        public SqlServerState observe(Collection<DatabaseName> databases) {
            return call("sql.observe", () -> delegate.observe(databases));
        }

        @Override
        public StepResult apply(SqlServerStep step, StepInputs inputs) {
            return call("sql.apply " + step.id(), () -> delegate.apply(step, inputs));
        }
    }

    private final class Mi implements ManagedInstancePort {
        private final ManagedInstancePort delegate;

        Mi(ManagedInstancePort delegate) {
            this.delegate = delegate;
        }

        @Override
        public InstanceFacts instance() {
            return call("mi.instance", delegate::instance);
        }

        @Override
        public List<String> databaseNames() {
            return call("mi.databaseNames", delegate::databaseNames);
        }

        @Override
        public byte[] endpointCertificate() {
            return call("mi.endpointCertificate", delegate::endpointCertificate);
        }

        @Override
        public List<TrustCertificateState> trustCertificates() {
            return call("mi.trustCertificates", delegate::trustCertificates);
        }

        @Override
        public List<LinkResourceState> links() {
            return call("mi.links", delegate::links);
        }

        @Override
        public Optional<LinkResourceState> link(String name) {
            return call("mi.link", () -> delegate.link(name));
        }

        @Override
        public StepResult apply(ManagedInstanceStep step, StepInputs inputs) {
            return call("mi.apply " + step.id(), () -> delegate.apply(step, inputs));
        }
    }
}
