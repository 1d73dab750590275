package dev.milink.core.internal;

import dev.milink.FailoverType;
import dev.milink.LinkRole;
import dev.milink.step.DemoteSqlServer;
import dev.milink.step.FailoverManagedInstanceLink;
import dev.milink.step.FailoverOnSqlServer;
import dev.milink.step.SetManagedInstanceRole;
import java.util.Optional;

/**
 * What a role-changing step must leave behind: SQL Server's and the Managed Instance's roles (empty = not checked,
 * for the side a forced failover may not reach).
 *
 * @param linkName the link
 * @param target the side that is primary afterwards
 * @param forced whether data loss is allowed
 * @param sql SQL Server's role afterwards, when checked
 * @param mi the Managed Instance's role afterwards, when checked
 */
record RoleChange(String linkName, Target target, boolean forced, Optional<LinkRole> sql, Optional<LinkRole> mi) {

    /** The side that is primary after the step. */
    enum Target {
        /** SQL Server. */
        SQL_SERVER,
        /** The Managed Instance. */
        MANAGED_INSTANCE
    }

    static RoleChange of(FailoverOnSqlServer f) {
        return f.type() == FailoverType.PLANNED
                ? new RoleChange(f.linkName(), Target.MANAGED_INSTANCE, false, Optional.of(LinkRole.SECONDARY), Optional.of(LinkRole.PRIMARY))
                : new RoleChange(f.linkName(), Target.SQL_SERVER, true, Optional.of(LinkRole.PRIMARY), Optional.empty());
    }

    static RoleChange of(FailoverManagedInstanceLink f) {
        return f.type() == FailoverType.PLANNED
                ? new RoleChange(f.linkName(), Target.SQL_SERVER, false, Optional.of(LinkRole.PRIMARY), Optional.of(LinkRole.SECONDARY))
                : new RoleChange(f.linkName(), Target.MANAGED_INSTANCE, true, Optional.empty(), Optional.of(LinkRole.PRIMARY));
    }

    static RoleChange of(DemoteSqlServer d) {
        return new RoleChange(d.linkName(), Target.MANAGED_INSTANCE, false, Optional.of(LinkRole.SECONDARY), Optional.of(LinkRole.PRIMARY));
    }

    static RoleChange of(SetManagedInstanceRole s) {
        return s.role() == LinkRole.SECONDARY
                ? new RoleChange(s.linkName(), Target.SQL_SERVER, false, Optional.of(LinkRole.PRIMARY), Optional.of(LinkRole.SECONDARY))
                : new RoleChange(s.linkName(), Target.MANAGED_INSTANCE, false, Optional.empty(), Optional.of(LinkRole.PRIMARY));
    }

    boolean readsSql() {
        return sql.isPresent();
    }

    boolean readsMi() {
        return mi.isPresent();
    }

    /**
     * @param sqlSide SQL Server's side, when read
     * @param miSide the Managed Instance's side, when read
     * @return a description when every checked role is as wanted
     */
    Optional<String> reached(Optional<Sides.SqlSide> sqlSide, Optional<Sides.MiSide> miSide) {
        boolean sqlOk = sql.isEmpty() || sqlSide.map(Sides.SqlSide::role).flatMap(r -> r).equals(sql);
        boolean miOk = mi.isEmpty() || miSide.map(Sides.MiSide::role).flatMap(r -> r).equals(mi);
        return sqlOk && miOk ? Optional.of("roles already as wanted: " + expectation()) : Optional.empty();
    }

    String expectation() {
        return "expected " + sql.map(r -> "SQL Server " + r).orElse("") + (sql.isPresent() && mi.isPresent() ? " and " : "")
                + mi.map(r -> "the Managed Instance " + r).orElse("");
    }

    static String describe(Optional<Sides.SqlSide> sqlSide, Optional<Sides.MiSide> miSide) {
        return sqlSide.map(s -> "SQL Server is " + Sides.role(s.role())).orElse("")
                + (sqlSide.isPresent() && miSide.isPresent() ? " and " : "")
                + miSide.map(m -> "the Managed Instance is " + Sides.role(m.role())).orElse("");
    }
}
