package dev.milink.port;

import dev.milink.SecretSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Values a step needs that are learned only while running: the Managed Instance's FQDN and endpoint
 * certificate (from ARM), SQL Server's certificate public key (from SQL Server), and the secrets.
 * Immutable; {@code with...} methods return copies. {@code toString()} shows no key material or secret.
 */
public final class StepInputs {

    private final String managedInstanceFqdn;
    private final byte[] managedInstanceCertificate;
    private final byte[] sqlServerCertificate;
    private final SecretSource secrets;

    private StepInputs(String fqdn, byte[] miCert, byte[] sqlCert, SecretSource secrets) {
        this.managedInstanceFqdn = fqdn;
        this.managedInstanceCertificate = miCert;
        this.sqlServerCertificate = sqlCert;
        this.secrets = secrets;
    }

    /**
     * @param secrets where secrets come from
     * @return inputs with nothing learned yet
     */
    public static StepInputs of(SecretSource secrets) {
        return new StepInputs(null, null, null, Objects.requireNonNull(secrets, "secrets"));
    }

    /** @return the Managed Instance's FQDN, once known */
    public Optional<String> managedInstanceFqdn() {
        return Optional.ofNullable(managedInstanceFqdn);
    }

    /** @return the Managed Instance's endpoint certificate (DER), once read */
    public Optional<byte[]> managedInstanceCertificate() {
        return Optional.ofNullable(managedInstanceCertificate).map(byte[]::clone);
    }

    /** @return SQL Server's endpoint certificate (DER), once read */
    public Optional<byte[]> sqlServerCertificate() {
        return Optional.ofNullable(sqlServerCertificate).map(byte[]::clone);
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
        return new StepInputs(Objects.requireNonNull(fqdn, "fqdn"), managedInstanceCertificate, sqlServerCertificate, secrets);
    }

    /**
     * @param der the Managed Instance's endpoint certificate
     * @return a copy holding it
     */
    public StepInputs withManagedInstanceCertificate(byte[] der) {
        return new StepInputs(managedInstanceFqdn, der.clone(), sqlServerCertificate, secrets);
    }

    /**
     * @param der SQL Server's endpoint certificate
     * @return a copy holding it
     */
    public StepInputs withSqlServerCertificate(byte[] der) {
        return new StepInputs(managedInstanceFqdn, managedInstanceCertificate, der.clone(), secrets);
    }

    @Override
    public String toString() {
        return "StepInputs[fqdn=" + managedInstanceFqdn + ", managedInstanceCertificate="
                + (managedInstanceCertificate == null ? "unknown" : managedInstanceCertificate.length + " bytes")
                + ", sqlServerCertificate=" + (sqlServerCertificate == null ? "unknown" : sqlServerCertificate.length + " bytes")
                + "]";
    }
}
