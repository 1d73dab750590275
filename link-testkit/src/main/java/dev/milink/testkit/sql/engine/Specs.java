package dev.milink.testkit.sql.engine;

import java.util.List;
import java.util.Map;

/** Parsed DDL statements, handed from the parsers to the handlers. */
final class Specs {

    private Specs() {
    }

    /** CREATE CERTIFICATE: either subject/expiry (self-signed) or a DER blob / file. */
    record Certificate(String name, String subject, String startDate, String expiryDate, byte[] binary,
            String file) {
    }

    /** CREATE/ALTER ENDPOINT; null fields were not given (ALTER keeps them). */
    record Endpoint(String name, String state, Integer port, String ipAddress, boolean mirroring, String role,
            String authentication, String certificate, String encryption, String algorithm) {
    }

    /** One REPLICA ON / AVAILABILITY GROUP ON entry with its WITH options (upper-case keys). */
    record Member(String name, Map<String, String> options) {
    }

    /** CREATE AVAILABILITY GROUP (plain or DISTRIBUTED). */
    record Group(String name, Map<String, String> options, boolean distributed, List<String> databases,
            List<Member> members) {
    }

    /** BACKUP DATABASE / LOG. */
    record Backup(String database, boolean log, List<String> disks, List<String> options) {
    }

    /** INSERT INTO name (columns) VALUES rows. */
    record Insert(List<String> table, List<String> columns, List<List<Ast.Expr>> rows) {
    }
}
