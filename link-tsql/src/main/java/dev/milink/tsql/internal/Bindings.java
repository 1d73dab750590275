package dev.milink.tsql.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.SecretSource;
import dev.milink.port.StepInputs;
import dev.milink.tsql.TsqlQuoting;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where run-time values come from when statements are rendered: SQLCMD variables (the reviewable
 * script), the run's {@link StepInputs} (what JDBC executes), or the same with secrets masked (what
 * errors and logs may show).
 */
public final class Bindings {

    /** The SQLCMD variable holding the Managed Instance's FQDN. */
    public static final String FQDN = "ManagedInstanceFqdn";
    /** The SQLCMD variable holding the Managed Instance's endpoint certificate as {@code 0x...}. */
    public static final String MI_CERTIFICATE = "ManagedInstanceCertificate";
    /** The SQLCMD variable holding the master key password. */
    public static final String MASTER_KEY_PASSWORD = SecretSource.MASTER_KEY_PASSWORD;

    private static final String MASK = "********";

    private final StepInputs inputs;
    private final boolean maskSecrets;
    private final Set<String> used;

    private Bindings(StepInputs inputs, boolean maskSecrets, Set<String> used) {
        this.inputs = inputs;
        this.maskSecrets = maskSecrets;
        this.used = used;
    }

    /** @return bindings that render every run-time value as a SQLCMD variable */
    public static Bindings script() {
        return new Bindings(null, true, new HashSet<>());
    }

    /**
     * @param used where to note the name of every SQLCMD variable a statement uses
     * @return script bindings that record which variables the statements use, so a script declares exactly those
     */
    public static Bindings recording(Set<String> used) {
        return new Bindings(null, true, used);
    }

    /**
     * @param inputs the run's values
     * @param maskSecrets whether secrets are shown as {@code ********}
     * @return bindings for execution or for display
     */
    public static Bindings of(StepInputs inputs, boolean maskSecrets) {
        return new Bindings(inputs, maskSecrets, new HashSet<>());
    }

    /**
     * @param planned the FQDN if known at plan time
     * @return the FQDN
     */
    public Value fqdn(Optional<String> planned) {
        if (planned.isPresent()) {
            return Value.known(planned.get());
        }
        if (inputs == null) {
            used.add(FQDN);
            return Value.variable(FQDN);
        }
        return Value.known(inputs.managedInstanceFqdn().orElseThrow(() -> missing("the Managed Instance's FQDN")));
    }

    /** @return the Managed Instance's endpoint certificate as a binary literal */
    public Value managedInstanceCertificate() {
        if (inputs == null) {
            used.add(MI_CERTIFICATE);
            return Value.variable(MI_CERTIFICATE);
        }
        return Value.known(TsqlQuoting.binary(inputs.managedInstanceCertificate()
                .orElseThrow(() -> missing("the Managed Instance's endpoint certificate"))));
    }

    /** @return the master key password; masked unless bindings are for execution */
    public Value masterKeyPassword() {
        if (inputs == null) {
            used.add(MASTER_KEY_PASSWORD);
            return Value.variable(MASTER_KEY_PASSWORD);
        }
        if (maskSecrets) {
            return Value.known(MASK);
        }
        return Value.known(inputs.secrets().secret(SecretSource.MASTER_KEY_PASSWORD).reveal());
    }

    private static LinkException missing(String what) {
        return new LinkException(LinkErrorCode.INTERNAL, "A statement needs " + what + ", which the run has not read yet.",
                "run the plan with LinkRunner, which reads it from Azure before this step");
    }
}
