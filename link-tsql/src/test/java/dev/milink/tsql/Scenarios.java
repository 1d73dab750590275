package dev.milink.tsql;

import dev.milink.DropOptions;
import dev.milink.Link;
import dev.milink.LinkDefinition;
import dev.milink.LinkPlan;
import dev.milink.ManagedInstance;
import dev.milink.SqlServerInstance;
import dev.milink.SqlServerVersion;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The plans the golden files and the safety tests are made from. Realistic ids, nothing hidden. */
final class Scenarios {

    static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
    static final String RESOURCE_GROUP = "rg-link";
    static final String INSTANCE = "sqlmi-prod-01";
    static final String FQDN = "sqlmi-prod-01.0123abcd4567.database.windows.net";

    private Scenarios() {
    }

    static SqlServerInstance sqlBox() {
        return SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022");
    }

    static ManagedInstance managedInstance() {
        return ManagedInstance.of(SUBSCRIPTION, RESOURCE_GROUP, INSTANCE);
    }

    static LinkDefinition salesDbTwoWay() {
        return Link.from(sqlBox()).database("SalesDb").to(managedInstance())
                .twoWayDR(true)
                .certificateExpiry(LocalDate.of(2027, 12, 31));
    }

    static LinkDefinition threeDatabases() {
        return Link.from(sqlBox()).database("SalesDb", "InventoryDb", "HrDb").to(managedInstance())
                .certificateExpiry(LocalDate.of(2027, 12, 31));
    }

    static LinkDefinition managedInstancePrimary() {
        return Link.from(managedInstance()).database("SalesDb").to(sqlBox())
                .certificateExpiry(LocalDate.of(2027, 12, 31));
    }

    static LinkDefinition sqlServer2016() {
        return Link.from(sqlBox()).database("SalesDb").to(managedInstance())
                .sqlServerVersion(SqlServerVersion.SQL_SERVER_2016)
                .certificateExpiry(LocalDate.of(2027, 12, 31));
    }

    static LinkDefinition fqdnKnown() {
        return salesDbTwoWay().managedInstanceFqdn(FQDN);
    }

    /** @return golden file name (without .sql) to plan, in a fixed order */
    static Map<String, Supplier<LinkPlan>> golden() {
        Map<String, Supplier<LinkPlan>> plans = new LinkedHashMap<>();
        plans.put("create-sql2022-salesdb-two-way-dr", () -> salesDbTwoWay().plan());
        plans.put("create-sql2022-three-databases", () -> threeDatabases().plan());
        plans.put("create-mi-primary-sql2022", () -> managedInstancePrimary().plan());
        plans.put("create-sql2016-salesdb", () -> sqlServer2016().plan());
        plans.put("drop-salesdb-remove-trust", () -> salesDbTwoWay().planDrop(new DropOptions(true, true, false)));
        plans.put("create-sql2022-fqdn-known", () -> fqdnKnown().plan());
        return plans;
    }
}
