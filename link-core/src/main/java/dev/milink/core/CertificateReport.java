package dev.milink.core;

import dev.milink.state.CertificateState;
import dev.milink.state.EndpointState;
import dev.milink.state.SqlServerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SQL Server's endpoint certificates with their expiry (docs/LINK-FACTS.md section 7.4: an expired certificate breaks the link). Lists
 * the certificate the mirroring endpoint uses, the link's configured certificate, and every other certificate in
 * {@code master} protected by the master key (the candidates for a rotation).
 *
 * @param observedAt when SQL Server was read
 * @param certificates the certificates, the endpoint's first
 */
public record CertificateReport(Instant observedAt, List<Entry> certificates) {

    /** Warn this long before a certificate expires. */
    public static final Duration WARNING = Duration.ofDays(30);

    /**
     * One certificate.
     *
     * @param name the certificate name
     * @param expiry when it expires
     * @param daysLeft whole days until it expires (negative once expired)
     * @param usedByEndpoint whether the mirroring endpoint authenticates with it
     * @param warning what to do, when it expires within {@link #WARNING} or has expired
     */
    public record Entry(String name, Instant expiry, long daysLeft, boolean usedByEndpoint, Optional<String> warning) {
    }

    /**
     * Checks the components.
     *
     * @param observedAt when SQL Server was read
     * @param certificates the certificates, the endpoint's first
     */
    public CertificateReport {
        Objects.requireNonNull(observedAt, "observedAt");
        certificates = List.copyOf(certificates);
    }

    /**
     * @param sql one observation of SQL Server
     * @param linkCertificate the link's configured certificate name (listed even without a private key)
     * @param now the time to count days from
     * @return the report
     */
    public static CertificateReport of(SqlServerState sql, String linkCertificate, Instant now) {
        String endpointCert = sql.mirroringEndpoint().map(EndpointState::certificateName).orElse("");
        List<Entry> entries = sql.certificates().stream()
                .filter(c -> c.hasPrivateKey() || c.name().equalsIgnoreCase(endpointCert) || c.name().equalsIgnoreCase(linkCertificate))
                .sorted((a, b) -> Boolean.compare(b.name().equalsIgnoreCase(endpointCert), a.name().equalsIgnoreCase(endpointCert)))
                .map(c -> entry(c, c.name().equalsIgnoreCase(endpointCert), now)).toList();
        return new CertificateReport(now, entries);
    }

    private static Entry entry(CertificateState c, boolean used, Instant now) {
        long days = Duration.between(now, c.expiry()).toDays();
        Optional<String> warning = Optional.empty();
        if (c.expiry().isBefore(now)) {
            warning = Optional.of("[" + c.name() + "] expired on " + c.expiry() + (used ? ": the link is broken, rotate it now" : ": drop it"));
        } else if (Duration.between(now, c.expiry()).compareTo(WARNING) < 0) {
            warning = Optional.of("[" + c.name() + "] expires in " + days + " day(s)" + (used ? ": rotate it (planCertificateRotation)" : ""));
        }
        return new Entry(c.name(), c.expiry(), days, used, warning);
    }

    /** @return the certificate the endpoint uses, if any */
    public Optional<Entry> endpointCertificate() {
        return certificates.stream().filter(Entry::usedByEndpoint).findFirst();
    }

    /** @return the warnings of all listed certificates */
    public List<String> warnings() {
        return certificates.stream().flatMap(e -> e.warning().stream()).toList();
    }
}
