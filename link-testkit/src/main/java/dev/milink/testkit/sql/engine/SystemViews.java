package dev.milink.testkit.sql.engine;

import static dev.milink.testkit.sql.SqlType.BIGINT;
import static dev.milink.testkit.sql.SqlType.BIT;
import static dev.milink.testkit.sql.SqlType.DATETIME2;
import static dev.milink.testkit.sql.SqlType.DECIMAL;
import static dev.milink.testkit.sql.SqlType.INT;
import static dev.milink.testkit.sql.SqlType.NVARCHAR;
import static dev.milink.testkit.sql.SqlType.SMALLINT;
import static dev.milink.testkit.sql.SqlType.TINYINT;
import static dev.milink.testkit.sql.SqlType.UNIQUEIDENTIFIER;
import static dev.milink.testkit.sql.SqlType.VARBINARY;

import dev.milink.testkit.sql.catalog.AvailabilityGroupInfo;
import dev.milink.testkit.sql.catalog.BackupInfo;
import dev.milink.testkit.sql.catalog.CertificateInfo;
import dev.milink.testkit.sql.catalog.DatabaseInfo;
import dev.milink.testkit.sql.catalog.EndpointInfo;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import java.util.HexFormat;
import java.util.Optional;

/** Catalog views about databases, files, keys, certificates, endpoints and backups. */
final class SystemViews {

    private SystemViews() {
    }

    /** @return the view or null when this class does not know it */
    static Relation view(ExecContext ctx, DatabaseInfo current, String name) {
        HadrCatalog c = ctx.catalog();
        return switch (name) {
            case "databases" -> databases(c);
            case "master_files" -> masterFiles(c);
            case "database_files" -> databaseFiles(current);
            case "symmetric_keys" -> symmetricKeys(c, current);
            case "certificates" -> certificates(c, current);
            case "database_mirroring_endpoints" -> mirroringEndpoints(c);
            case "tcp_endpoints" -> tcpEndpoints(c);
            case "endpoints" -> endpoints(c);
            default -> null;
        };
    }

    private static Relation databases(HadrCatalog c) {
        Relation.Builder b = new Relation.Builder("databases").col("name", NVARCHAR).col("database_id", INT)
                .col("state_desc", NVARCHAR).col("recovery_model_desc", NVARCHAR).col("collation_name", NVARCHAR)
                .col("is_encrypted", BIT).col("is_broker_enabled", BIT).col("is_read_only", BIT)
                .col("replica_id", UNIQUEIDENTIFIER).col("group_database_id", UNIQUEIDENTIFIER)
                .col("create_date", DATETIME2);
        for (DatabaseInfo d : c.databases()) {
            Optional<AvailabilityGroupInfo> ag = c.groups().agOfDatabase(d.name());
            b.row(d.name(), d.databaseId(), d.state(), d.recoveryModel(), d.collation(), d.encrypted(),
                    d.brokerEnabled(), c.groups().isSecondary(d.name()),
                    ag.flatMap(AvailabilityGroupInfo::localReplica).map(r -> r.replicaId()).orElse(null),
                    ag.map(g -> d.stableId()).orElse(null), null);
        }
        return b.build();
    }

    private static Relation masterFiles(HadrCatalog c) {
        Relation.Builder b = files("master_files", true);
        for (DatabaseInfo d : c.databases()) {
            addFiles(b, d, true);
        }
        return b.build();
    }

    private static Relation databaseFiles(DatabaseInfo d) {
        Relation.Builder b = files("database_files", false);
        addFiles(b, d, false);
        return b.build();
    }

    private static Relation.Builder files(String name, boolean withDb) {
        Relation.Builder b = new Relation.Builder(name);
        if (withDb) {
            b.col("database_id", INT);
        }
        return b.col("file_id", INT).col("type", TINYINT).col("type_desc", NVARCHAR).col("name", NVARCHAR)
                .col("physical_name", NVARCHAR).col("size", INT);
    }

    private static void addFiles(Relation.Builder b, DatabaseInfo d, boolean withDb) {
        int pages = (int) Math.max(1, d.sizeBytes() / 8192);
        row(b, withDb, d, 1, 0, "ROWS", d.name(), "D:\\Data\\" + d.name() + ".mdf", pages);
        for (int i = 0; i < d.logFiles(); i++) {
            String n = d.name() + "_log" + (i == 0 ? "" : String.valueOf(i + 1));
            row(b, withDb, d, 2 + i, 1, "LOG", n, "L:\\Log\\" + n + ".ldf", 1024);
        }
    }

    private static void row(Relation.Builder b, boolean withDb, DatabaseInfo d, int id, int type, String desc,
            String name, String path, int size) {
        if (withDb) {
            b.row(d.databaseId(), id, type, desc, name, path, size);
        } else {
            b.row(id, type, desc, name, path, size);
        }
    }

    private static boolean inMaster(DatabaseInfo current) {
        return "master".equalsIgnoreCase(current.name());
    }

    private static Relation symmetricKeys(HadrCatalog c, DatabaseInfo current) {
        Relation.Builder b = new Relation.Builder("symmetric_keys").col("name", NVARCHAR)
                .col("symmetric_key_id", INT).col("key_length", INT).col("algorithm_desc", NVARCHAR);
        if (inMaster(current) && c.hasMasterKey()) {
            b.row("##MS_DatabaseMasterKey##", 101, 256, "AES_256");
        }
        return b.build();
    }

    private static Relation certificates(HadrCatalog c, DatabaseInfo current) {
        Relation.Builder b = new Relation.Builder("certificates").col("name", NVARCHAR).col("certificate_id", INT)
                .col("principal_id", INT).col("pvt_key_encryption_type", NVARCHAR)
                .col("pvt_key_encryption_type_desc", NVARCHAR).col("issuer_name", NVARCHAR)
                .col("cert_serial_number", NVARCHAR).col("subject", NVARCHAR).col("start_date", DATETIME2)
                .col("expiry_date", DATETIME2).col("thumbprint", VARBINARY);
        if (inMaster(current)) {
            for (CertificateInfo cert : c.certificates()) {
                b.row(cert.name(), cert.certificateId(), 1, cert.hasPrivateKey() ? "MK" : "NA",
                        cert.hasPrivateKey() ? "ENCRYPTED_BY_MASTER_KEY" : "NO_PRIVATE_KEY", cert.issuer(),
                        cert.thumbprintHex().substring(0, 16), cert.subject(), cert.startDate(), cert.expiryDate(),
                        HexFormat.of().parseHex(cert.thumbprintHex()));
            }
        }
        return b.build();
    }

    private static Relation mirroringEndpoints(HadrCatalog c) {
        Relation.Builder b = new Relation.Builder("database_mirroring_endpoints").col("endpoint_id", INT)
                .col("name", NVARCHAR).col("protocol_desc", NVARCHAR).col("type_desc", NVARCHAR)
                .col("state_desc", NVARCHAR).col("role_desc", NVARCHAR).col("connection_auth_desc", NVARCHAR)
                .col("certificate_id", INT).col("is_encryption_enabled", BIT).col("encryption_algorithm_desc", NVARCHAR);
        for (EndpointInfo e : c.endpoints()) {
            b.row(e.endpointId(), e.name(), "TCP", "DATABASE_MIRRORING", e.state(), e.role(), e.authentication(),
                    e.certificateId() == null ? 0 : e.certificateId(), e.encryptionEnabled(), e.algorithm());
        }
        return b.build();
    }

    private static Relation tcpEndpoints(HadrCatalog c) {
        Relation.Builder b = new Relation.Builder("tcp_endpoints").col("endpoint_id", INT).col("name", NVARCHAR)
                .col("protocol_desc", NVARCHAR).col("type_desc", NVARCHAR).col("state_desc", NVARCHAR)
                .col("port", INT).col("is_dynamic_port", BIT).col("ip_address", NVARCHAR);
        b.row(4, "TSQL Default TCP", "TCP", "TSQL", "STARTED", 0, true, null);
        for (EndpointInfo e : c.endpoints()) {
            b.row(e.endpointId(), e.name(), "TCP", "DATABASE_MIRRORING", e.state(), e.port(), false, e.ipAddress());
        }
        return b.build();
    }

    private static Relation endpoints(HadrCatalog c) {
        Relation.Builder b = new Relation.Builder("endpoints").col("endpoint_id", INT).col("name", NVARCHAR)
                .col("protocol_desc", NVARCHAR).col("type", TINYINT).col("type_desc", NVARCHAR)
                .col("state_desc", NVARCHAR);
        for (EndpointInfo e : c.endpoints()) {
            b.row(e.endpointId(), e.name(), "TCP", 4, "DATABASE_MIRRORING", e.state());
        }
        return b.build();
    }

    static Relation backupset(ExecContext ctx) {
        Relation.Builder b = new Relation.Builder("backupset").col("backup_set_id", INT)
                .col("database_name", NVARCHAR).col("type", NVARCHAR).col("is_copy_only", BIT)
                .col("backup_start_date", DATETIME2).col("backup_finish_date", DATETIME2).col("first_lsn", DECIMAL)
                .col("last_lsn", DECIMAL).col("backup_size", BIGINT).col("server_name", NVARCHAR)
                .col("recovery_model", NVARCHAR).col("position", SMALLINT);
        int id = 1;
        for (BackupInfo x : ctx.catalog().backups()) {
            String model = ctx.catalog().database(x.databaseName()).map(DatabaseInfo::recoveryModel).orElse("FULL");
            b.row(id++, x.databaseName(), x.type(), x.copyOnly(), x.startDate(), x.finishDate(), x.firstLsn(),
                    x.lastLsn(), 1_048_576L, ctx.config().serverName(), model, 1);
        }
        return b.build();
    }
}
