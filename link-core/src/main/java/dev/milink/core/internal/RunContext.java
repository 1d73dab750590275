package dev.milink.core.internal;

import dev.milink.port.StepInputs;
import dev.milink.state.LinkResourceState;
import dev.milink.state.SqlServerState;
import dev.milink.state.TrustCertificateState;
import dev.milink.step.Step;
import java.util.List;

/**
 * What deciding "already done?" may read of a run: the one SQL Server observation, the Managed Instance reads (each
 * made at most once per run) and the values learned so far. Reads only; nothing here changes the run.
 */
interface RunContext {

    /** @return the SQL Server observation taken at the start of the run */
    SqlServerState sql();

    /** @return whether a journal existed or the observation suggests an earlier run: then ARM objects are read */
    boolean rerun();

    /** @return the values learned so far and the secrets */
    StepInputs inputs();

    /**
     * @param step the step asking, for error context
     * @return the trust certificates on the Managed Instance
     */
    List<TrustCertificateState> trust(Step step);

    /**
     * @param step the step asking, for error context
     * @return the links on the Managed Instance
     */
    List<LinkResourceState> miLinks(Step step);

    /**
     * @param step the step asking, for error context
     * @return the Managed Instance's FQDN
     */
    String fqdn(Step step);
}
