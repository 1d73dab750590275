package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.DropOptions;
import dev.milink.Link;
import dev.milink.LinkPlan;
import dev.milink.ManagedInstance;
import dev.milink.SqlServerInstance;
import dev.milink.tsql.TsqlScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanAndScriptTest {

    private static LinkPlan expected(boolean twoWay) {
        return Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022")).database("SalesDb")
                .to(ManagedInstance.fromResourceId(Cli.MI)).twoWayDR(twoWay).plan();
    }

    @Test
    void planPrintsExactlyTheDescription() {
        Cli.Result r = Cli.run(Cli.concat(new String[] {"plan"}, Cli.LINK));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(expected(false).describe());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void scriptPrintsExactlyTheRenderedScript() {
        Cli.Result r = Cli.run(Cli.concat(new String[] {"script", "--two-way-dr"}, Cli.LINK));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(TsqlScript.render(expected(true)));
    }

    @Test
    void scriptWritesTheFileAndNothingToStdout(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/link.sql");
        Cli.Result r = Cli.run(Cli.concat(new String[] {"script", "--output", file.toString()}, Cli.LINK));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(TsqlScript.render(expected(false)));
        assertThat(r.err()).contains("Wrote").contains(expected(false).hash());
    }

    @Test
    void dropPlanAndScriptMatchTheApi() {
        LinkPlan drop = Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022")).database("SalesDb")
                .to(ManagedInstance.fromResourceId(Cli.MI)).planDrop(new DropOptions(false, true, false));
        assertThat(Cli.run(Cli.concat(new String[] {"plan", "--drop", "--keep-sql-ag", "--remove-trust"}, Cli.LINK)).out())
                .isEqualTo(drop.describe());
        assertThat(Cli.run(Cli.concat(new String[] {"script", "--drop", "--keep-sql-ag", "--remove-trust"}, Cli.LINK)).out())
                .isEqualTo(TsqlScript.render(drop));
    }

    @Test
    void dropFlagsWithoutDropAreAUsageError() {
        Cli.Result r = Cli.run(Cli.concat(new String[] {"plan", "--remove-trust"}, Cli.LINK));
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--drop").contains("Fix:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void planJsonHasThePlansShape() {
        LinkPlan plan = expected(true);
        Cli.Result r = Cli.run(Cli.concat(new String[] {"plan", "--json", "--two-way-dr"}, Cli.LINK));
        assertThat(r.exit()).isZero();
        Map<String, Object> doc = MiniJson.object(r.out());
        assertThat(doc).containsEntry("command", "plan").containsEntry("ok", true).containsEntry("kind", "create")
                .containsEntry("hash", plan.hash()).containsEntry("twoWayDR", true)
                .containsEntry("initialPrimary", "SQL_SERVER");
        assertThat((Map<String, Object>) doc.get("managedInstance")).containsEntry("name", "sqlmi-prod-01")
                .containsEntry("resourceId", Cli.MI).containsEntry("fqdn", null);
        List<Map<String, Object>> steps = (List<Map<String, Object>>) doc.get("steps");
        assertThat(steps).hasSize(plan.steps().size());
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i)).containsEntry("id", plan.steps().get(i).id().value())
                    .containsEntry("summary", plan.steps().get(i).summary())
                    .containsEntry("side", plan.steps().get(i).side().name())
                    .containsEntry("number", (double) (i + 1));
        }
        List<Map<String, Object>> links = (List<Map<String, Object>>) doc.get("links");
        assertThat(links).singleElement().satisfies(l -> assertThat(l).containsEntry("database", "SalesDb")
                .containsEntry("linkName", "DAG_SalesDb"));
    }

    @Test
    void scriptJsonCarriesTheScriptVerbatim() {
        Cli.Result r = Cli.run(Cli.concat(new String[] {"script", "--json"}, Cli.LINK));
        assertThat(r.exit()).isZero();
        Map<String, Object> doc = MiniJson.object(r.out());
        assertThat(doc).containsEntry("command", "script").containsEntry("ok", true)
                .containsEntry("script", TsqlScript.render(expected(false))).containsEntry("output", null);
    }

    @Test
    void hostileButLegalNamesAreQuotedNotExecuted() {
        String hostile = "Sales]; DROP DATABASE master;--";
        Cli.Result r = Cli.run("script", "--sql-server", "SQLBOX01", "--endpoint", "TCP://10.0.1.8:5022",
                "--database", hostile, "--managed-instance", Cli.MI);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("FOR DATABASE [Sales]]; DROP DATABASE master;--]");
        assertThat(r.out().lines().filter(l -> !l.strip().startsWith("--")))
                .as("outside comments the name is always quoted").noneMatch(l -> l.contains("[" + hostile + "]"))
                .noneMatch(l -> l.contains("[Sales];"));
    }

    @Test
    void miAsInitialPrimaryAndOtherOptionsReachThePlan() {
        Cli.Result r = Cli.run(Cli.concat(new String[] {"plan", "--json", "--initial-primary", "managed-instance",
            "--sql-server-version", "2025", "--link-name", "LinkSales", "--mi-fqdn",
            "sqlmi-prod-01.0123abcd.database.windows.net"}, Cli.LINK));
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Object> doc = MiniJson.object(r.out());
        assertThat(doc).containsEntry("initialPrimary", "MANAGED_INSTANCE");
        assertThat(r.out()).contains("\"linkName\":\"LinkSales\"").contains("SQL Server 2025")
                .contains("sqlmi-prod-01.0123abcd.database.windows.net");
    }

    @Test
    void lifecycleCommandsPreviewTheirPlansAndScripts() {
        dev.milink.LinkDefinition d = Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022"))
                .database("SalesDb").to(ManagedInstance.fromResourceId(Cli.MI));
        LinkPlan planned = d.planFailover(dev.milink.FailoverOptions.plannedToManagedInstance().workloadStopped(true)
                .lsnStableFor(java.time.Duration.ofSeconds(30)));
        Cli.Result r = Cli.run(Cli.concat(new String[] {"failover", "--planned", "--workload-stopped",
            "--lsn-stable-seconds", "30", "--dry-run"}, Cli.LINK));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(planned.describe());
        LinkPlan forced = d.planFailover(dev.milink.FailoverOptions.forcedTo(dev.milink.InitialPrimary.MANAGED_INSTANCE)
                .allowDataLoss(true));
        assertThat(Cli.run(Cli.concat(new String[] {"failover", "--forced", "--allow-data-loss", "--print-script"},
                Cli.LINK)).out()).isEqualTo(TsqlScript.render(forced));
        assertThat(Cli.run(Cli.concat(new String[] {"failback", "--workload-stopped", "--print-script"}, Cli.LINK)).out())
                .isEqualTo(TsqlScript.render(d.planFailback(true)));
        LinkPlan rotation = d.planCertificateRotation("Cert_SQLBOX01_2027", java.time.LocalDate.of(2027, 6, 30));
        Cli.Result rotate = Cli.run(Cli.concat(new String[] {"rotate-certificate", "--new-certificate-name",
            "Cert_SQLBOX01_2027", "--new-certificate-expiry", "2027-06-30", "--print-script", "--json"}, Cli.LINK));
        assertThat(rotate.exit()).as(rotate.err()).isZero();
        Map<String, Object> doc = MiniJson.object(rotate.out());
        assertThat(doc).containsEntry("dryRun", true).containsEntry("script", TsqlScript.render(rotation));
        assertThat(rotate.out()).contains("\"kind\":\"certificate-rotation\"");
    }

    @Test
    void createAndDropDryRunsShowThePlanWithoutConnecting() {
        Cli.Result create = Cli.run(Cli.concat(new String[] {"create", "--dry-run"}, Cli.LINK));
        assertThat(create.exit()).isZero();
        assertThat(create.out()).startsWith(expected(false).describe()).contains("Dry run: nothing was changed");
        Cli.Result drop = Cli.run(Cli.concat(new String[] {"drop", "--dry-run", "--json"}, Cli.LINK));
        assertThat(drop.exit()).isZero();
        assertThat(MiniJson.object(drop.out())).containsEntry("dryRun", true).containsKey("plan");
    }
}
