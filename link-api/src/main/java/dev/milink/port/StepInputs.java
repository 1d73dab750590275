package dev.milink.port;

import dev.milink.SecretSource;
import dev.milink.step.RunValue;
import dev.milink.step.RunValues;
import java.util.Objects;
import java.util.Optional;

/**
 * What a step may use at run time beyond its own data: the {@link RunValue}s learned so far in the run and the
 * secrets. Immutable; {@code with...} methods return copies. {@code toString()} shows no key material or secret.
 */
public final class StepInputs {

    private final RunValues values;
    private final SecretSource secrets;

    private StepInputs(RunValues values, SecretSource secrets) {
        this.values = values;
        this.secrets = secrets;
    }

    /**
     * @param secrets where secrets come from
     * @return inputs with nothing learned yet
     */
    public static StepInputs of(SecretSource secrets) {
        return new StepInputs(RunValues.none(), Objects.requireNonNull(secrets, "secrets"));
    }

    /**
     * @param key what to read
     * @param <T> its type
     * @return the value, once learned
     */
    public <T> Optional<T> get(RunValue<T> key) {
        return values.get(key);
    }

    /** @return every value learned so far */
    public RunValues values() {
        return values;
    }

    /**
     * @param key what the value is
     * @param value the value
     * @param <T> its type
     * @return a copy holding it
     */
    public <T> StepInputs with(RunValue<T> key, T value) {
        return new StepInputs(values.with(key, value), secrets);
    }

    /**
     * @param more values learned, such as what a step produced
     * @return a copy holding them too
     */
    public StepInputs plus(RunValues more) {
        return new StepInputs(values.plus(more), secrets);
    }

    /** @return the Managed Instance's FQDN, once known */
    public Optional<String> managedInstanceFqdn() {
        return get(RunValue.MANAGED_INSTANCE_FQDN);
    }

    /** @return the Managed Instance's endpoint certificate (DER), once read */
    public Optional<byte[]> managedInstanceCertificate() {
        return get(RunValue.MANAGED_INSTANCE_CERTIFICATE);
    }

    /** @return SQL Server's endpoint certificate (DER), once read */
    public Optional<byte[]> sqlServerCertificate() {
        return get(RunValue.SQL_SERVER_CERTIFICATE);
    }

    /** @return the secret source */
    public SecretSource secrets() {
        return secrets;
    }

    /**
     * @param fqdn the Managed Instance's FQDN
     * @return a copy holding it
     */
    public StepInputs withManagedInstanceFqdn(String fqdn) {
        return with(RunValue.MANAGED_INSTANCE_FQDN, fqdn);
    }

    /**
     * @param der the Managed Instance's endpoint certificate
     * @return a copy holding it
     */
    public StepInputs withManagedInstanceCertificate(byte[] der) {
        return with(RunValue.MANAGED_INSTANCE_CERTIFICATE, der);
    }

    /**
     * @param der SQL Server's endpoint certificate
     * @return a copy holding it
     */
    public StepInputs withSqlServerCertificate(byte[] der) {
        return with(RunValue.SQL_SERVER_CERTIFICATE, der);
    }

    @Override
    public String toString() {
        return "StepInputs[known=" + values.keys().stream().map(RunValue::name).sorted().toList() + "]";
    }
}
