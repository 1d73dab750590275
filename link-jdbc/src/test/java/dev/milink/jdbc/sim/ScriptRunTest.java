package dev.milink.jdbc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.LinkPlan;
import dev.milink.testkit.sql.catalog.CatalogSnapshot;
import dev.milink.tsql.TsqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the rendered SQLCMD script the way sqlcmd would (split at GO, substitute $(Var), skip : lines), twice. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScriptRunTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    static List<String> batches(String script, Map<String, String> variables) {
        List<String> out = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (line.strip().equalsIgnoreCase("GO")) {
                if (!batch.toString().isBlank()) {
                    out.add(batch.toString());
                }
                batch.setLength(0);
            } else if (!line.startsWith(":")) {
                Matcher m = VARIABLE.matcher(line);
                StringBuilder substituted = new StringBuilder();
                while (m.find()) {
                    String value = variables.get(m.group(1));
                    assertThat(value).as("script variable %s is set", m.group(1)).isNotNull();
                    m.appendReplacement(substituted, Matcher.quoteReplacement(value));
                }
                m.appendTail(substituted);
                batch.append(substituted).append('\n');
            }
        }
        assertThat(batch.toString()).as("script ends with GO").isBlank();
        return out;
    }

    private static void run(SimulatedSql env, List<String> batches) throws SQLException {
        try (Connection c = SimulatedSql.connection(env.tds, false).toDataSource().getConnection();
                Statement s = c.createStatement()) {
            for (String batch : batches) {
                try {
                    boolean rs = s.execute(batch);
                    while (rs || s.getUpdateCount() != -1) {
                        rs = s.getMoreResults();
                    }
                } catch (SQLException e) {
                    throw new AssertionError("batch failed (" + e.getErrorCode() + " " + e.getMessage() + "):\n" + batch, e);
                }
            }
        }
    }

    private static Map<String, String> variables() {
        return Map.of("MasterKeyPassword", SimulatedSql.MASTER_KEY_PASSWORD, "ManagedInstanceFqdn", SimulatedSql.FQDN,
                "ManagedInstanceCertificate", "0x" + HexFormat.of().formatHex(SimulatedSql.MI_CERTIFICATE.encoded()));
    }

    private static void runTwice(LinkPlan plan, SimulatedSql env) throws SQLException {
        List<String> batches = batches(TsqlScript.render(plan), variables());
        run(env, batches);
        CatalogSnapshot once = env.sql.catalog().snapshot();
        run(env, batches);
        assertThat(env.sql.catalog().snapshot()).as("second run changes nothing").isEqualTo(once);
    }

    @Test
    void createScriptSetsUpSqlServerAndRerunsCleanly() throws SQLException {
        try (SimulatedSql env = SimulatedSql.start()) {
            runTwice(SimulatedSql.salesDb().plan(), env);
            var catalog = env.sql.catalog();
            assertThat(catalog.hasMasterKey()).isTrue();
            assertThat(catalog.certificate("Cert_SQLBOX01_endpoint")).isPresent();
            assertThat(catalog.certificate(SimulatedSql.FQDN).orElseThrow().der())
                    .isEqualTo(SimulatedSql.MI_CERTIFICATE.encoded());
            assertThat(catalog.issuers()).hasSize(2);
            assertThat(catalog.endpoints()).singleElement().satisfies(e -> {
                assertThat(e.state()).isEqualTo("STARTED");
                assertThat(e.authentication()).isEqualTo("CERTIFICATE");
                assertThat(e.algorithm()).isEqualTo("AES");
            });
            assertThat(catalog.groups().group("AG_SalesDb").orElseThrow().databases()).containsExactly("SalesDb");
            assertThat(catalog.groups().group("DAG_SalesDb").orElseThrow().distributed()).isTrue();
        }
    }

    @Test
    void managedInstancePrimaryScriptRunsTwice() throws SQLException {
        try (SimulatedSql env = SimulatedSql.start()) {
            runTwice(SimulatedSql.managedInstancePrimary().plan(), env);
            assertThat(env.sql.catalog().groups().group("DAG_SalesDb")).isPresent();
        }
    }

    @Test
    void dropScriptAfterCreateRunsTwice() throws SQLException {
        try (SimulatedSql env = SimulatedSql.start()) {
            run(env, batches(TsqlScript.render(SimulatedSql.salesDb().plan()), variables()));
            runTwice(SimulatedSql.salesDb().planDrop(new dev.milink.DropOptions(true, true, true)), env);
            assertThat(env.sql.catalog().groups().all()).isEmpty();
        }
    }
}
