package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import dev.milink.testkit.sql.catalog.CertificateInfo;
import dev.milink.testkit.sql.catalog.EndpointInfo;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import java.util.Objects;

/** CREATE / ALTER / DROP ENDPOINT for DATABASE_MIRRORING (one per server). */
final class EndpointDdl {

    private EndpointDdl() {
    }

    static void create(ExecContext ctx, Specs.Endpoint spec) throws SqlError {
        HadrCatalog c = ctx.catalog();
        if (!spec.mirroring() || spec.port() == null) {
            throw Errors.error(102, 15, "Incorrect syntax near '" + spec.name()
                    + "'. CREATE ENDPOINT needs AS TCP (LISTENER_PORT = ...) FOR DATABASE_MIRRORING (...).");
        }
        if (c.endpoint(spec.name()).isPresent()) {
            throw Errors.error(7862, "An endpoint of the requested type already exists.  Only one endpoint of this "
                    + "type is supported.  Use ALTER ENDPOINT or DROP the existing endpoint and execute the CREATE "
                    + "ENDPOINT command.");
        }
        if (!c.endpoints().isEmpty()) {
            throw Errors.error(7862, "An endpoint of the requested type already exists.  Only one endpoint of this "
                    + "type is supported.  Use ALTER ENDPOINT or DROP the existing endpoint and execute the CREATE "
                    + "ENDPOINT command.");
        }
        Integer certId = certificateId(c, spec.certificate());
        String encryption = spec.encryption() == null ? "REQUIRED" : spec.encryption();
        c.putEndpoint(new EndpointInfo(c.allocateEndpointId(), spec.name(),
                spec.state() == null ? "STOPPED" : spec.state(), spec.port(), ip(spec.ipAddress()),
                spec.role() == null ? "ALL" : spec.role(), spec.authentication() == null ? "NEGOTIATE"
                        : spec.authentication(), certId, encryption,
                spec.algorithm() == null ? ("DISABLED".equals(encryption) ? "NONE" : "RC4") : spec.algorithm()));
        ctx.done();
    }

    static void alter(ExecContext ctx, Specs.Endpoint spec) throws SqlError {
        HadrCatalog c = ctx.catalog();
        EndpointInfo e = c.endpoint(spec.name()).orElseThrow(() -> Errors.notFound("alter", "endpoint", spec.name()));
        Integer certId = spec.authentication() == null ? e.certificateId() : certificateId(c, spec.certificate());
        c.putEndpoint(new EndpointInfo(e.endpointId(), e.name(), Objects.requireNonNullElse(spec.state(), e.state()),
                Objects.requireNonNullElse(spec.port(), e.port()),
                spec.ipAddress() == null ? e.ipAddress() : ip(spec.ipAddress()),
                Objects.requireNonNullElse(spec.role(), e.role()),
                Objects.requireNonNullElse(spec.authentication(), e.authentication()), certId,
                Objects.requireNonNullElse(spec.encryption(), e.encryption()),
                Objects.requireNonNullElse(spec.algorithm(), e.algorithm())));
        ctx.done();
    }

    static void drop(ExecContext ctx, String name) throws SqlError {
        HadrCatalog c = ctx.catalog();
        c.endpoint(name).orElseThrow(() -> Errors.notFound("drop", "endpoint", name));
        c.removeEndpoint(name);
        ctx.done();
    }

    private static String ip(String spec) {
        return spec == null || "ALL".equals(spec) ? null : spec;
    }

    private static Integer certificateId(HadrCatalog c, String name) throws SqlError {
        if (name == null) {
            return null;
        }
        return c.certificate(name).map(CertificateInfo::certificateId)
                .orElseThrow(() -> Errors.notFound("find", "certificate", name));
    }
}
