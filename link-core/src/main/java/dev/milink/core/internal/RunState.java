package dev.milink.core.internal;

import dev.milink.LinkPlan;
import dev.milink.core.Journal;
import dev.milink.port.StepInputs;
import dev.milink.state.InstanceFacts;
import dev.milink.state.LinkResourceState;
import dev.milink.state.SqlServerState;
import dev.milink.state.TrustCertificateState;
import dev.milink.step.Step;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * What a run knows: one SQL Server observation, Managed Instance reads made at most once each, and the inputs
 * learned so far. Every read is lazy so a run makes only the calls it needs.
 */
final class RunState implements RunContext {

    final RunSettings settings;
    final Resilient resilient;
    final LinkPlan plan;
    final Recorder recorder;
    /** Whether a journal existed: then objects on the Managed Instance are read rather than assumed absent. */
    final boolean rerun;
    /** Notes the run reports in its result (a forced failover's possible data loss). */
    final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final SqlServerState sql;
    private final AtomicReference<StepInputs> inputs;
    private InstanceFacts instance;
    private List<String> miDatabases;
    private List<LinkResourceState> miLinks;
    private List<TrustCertificateState> trust;

    RunState(RunSettings settings, Resilient resilient, LinkPlan plan, Recorder recorder, boolean rerun, SqlServerState sql) {
        this.settings = settings;
        this.resilient = resilient;
        this.plan = plan;
        this.recorder = recorder;
        this.rerun = rerun;
        this.sql = sql;
        this.inputs = new AtomicReference<>(StepInputs.of(settings.secrets()));
        plan.spec().managedInstance().fqdn().or(() -> Optional.ofNullable(recorder.journal().facts().get(Journal.FQDN)))
                .ifPresent(f -> update(i -> i.withManagedInstanceFqdn(f)));
    }

    @Override
    public SqlServerState sql() {
        return sql;
    }

    @Override
    public boolean rerun() {
        return rerun;
    }

    @Override
    public StepInputs inputs() {
        return inputs.get();
    }

    void update(UnaryOperator<StepInputs> change) {
        inputs.updateAndGet(change);
    }

    synchronized InstanceFacts instance(Step step) {
        if (instance == null) {
            instance = resilient.call(step, false, settings.mi()::instance);
            if (inputs().managedInstanceFqdn().isEmpty() && instance.fqdn() != null) {
                String fqdn = instance.fqdn();
                update(i -> i.withManagedInstanceFqdn(fqdn));
                recorder.fact(Journal.FQDN, fqdn);
            }
        }
        return instance;
    }

    synchronized List<String> miDatabases(Step step) {
        if (miDatabases == null) {
            miDatabases = resilient.call(step, false, settings.mi()::databaseNames);
        }
        return miDatabases;
    }

    @Override
    public synchronized List<LinkResourceState> miLinks(Step step) {
        if (miLinks == null) {
            miLinks = resilient.call(step, false, settings.mi()::links);
        }
        return miLinks;
    }

    @Override
    public synchronized List<TrustCertificateState> trust(Step step) {
        if (trust == null) {
            trust = resilient.call(step, false, settings.mi()::trustCertificates);
        }
        return trust;
    }

    /** The FQDN from the plan, the journal, or (one ARM read) the instance; recorded for rollback. */
    @Override
    public String fqdn(Step step) {
        Optional<String> known = inputs().managedInstanceFqdn();
        if (known.isPresent()) {
            return known.get();
        }
        return instance(step).fqdn();
    }
}
