package dev.milink.tsql;

import static dev.milink.tsql.TsqlTokens.commandLines;
import static dev.milink.tsql.TsqlTokens.variables;
import static dev.milink.tsql.TsqlTokens.visible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.DropOptions;
import dev.milink.Link;
import dev.milink.LinkDefinition;
import dev.milink.LinkPlanningException;
import dev.milink.SqlServerInstance;
import dev.milink.tsql.TsqlTokens.Kind;
import dev.milink.tsql.TsqlTokens.Token;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every hostile name in every name position is either refused at plan time with a message naming the
 * field, the value and the rule, or rendered so that nothing can break out of its identifier or literal:
 * the rendered script has exactly the token shape of the same script with a benign name, the same
 * SQLCMD command lines and the same SQLCMD variables.
 */
class HostileNameTest {

    static final List<String> HOSTILE = List.of(
            "]", "a]b", "]]", "'", "a'b", "''", ";", "x; DROP DATABASE master; --", "--", "a--b", "/*", "*/", "a/*b",
            "a*/b", "/* x */", "GO", "x\nGO\ny", "$(x)", "a$(MasterKeyPassword)", "$", "a$", "(x)",
            "\uFF3D", "a\uFF3D; --", "\uFF07", "\u02BC", "\u202Eevil", "a\u200Db", "\uFEFFx", "x\u2028GO", "😀", "é",
            "a".repeat(128), "a".repeat(129), "", " ", "a\u0000b", "a\nb", "a\rb", "a\tb", "a\u0085b",
            "[x]", "N'x'", "\\", "%", "{db}", ":r evil.sql", "!!dir", "\":setvar", "@x", "#x", "D:\\bk\\a b.trn");

    record Position(String field, String benign, Function<String, List<String>> render) {
    }

    static LinkDefinition sales() {
        return Link.from(Scenarios.sqlBox()).database("SalesDb").to(Scenarios.managedInstance())
                .twoWayDR(true).certificateExpiry(LocalDate.of(2027, 12, 31)).firstLogBackup("D:\\bk\\SalesDb.trn");
    }

    static List<String> scripts(LinkDefinition d) {
        return List.of(TsqlScript.render(d.plan()), TsqlScript.render(d.planDrop(new DropOptions(true, true, false))));
    }

    static List<Position> positions() {
        return List.of(
                new Position("database", "SalesDb", v -> {
                    List<String> out = new ArrayList<>(scripts(Link.from(Scenarios.sqlBox()).database(v)
                            .to(Scenarios.managedInstance()).twoWayDR(true).firstLogBackup("D:\\bk\\{db}.trn")));
                    out.add(TsqlScript.render(Link.from(Scenarios.managedInstance()).database(v).to(Scenarios.sqlBox()).plan()));
                    return out;
                }),
                new Position("linkName", "DAG_SalesDb", v -> scripts(sales().linkName(v))),
                new Position("sqlServerAvailabilityGroup", "AG_SalesDb", v -> scripts(sales().sqlServerAvailabilityGroup(v))),
                new Position("managedInstanceAvailabilityGroup", "AG_SalesDb_MI",
                        v -> scripts(sales().managedInstanceAvailabilityGroup(v))),
                new Position("endpointName", "database_mirroring_endpoint", v -> scripts(sales().endpointName(v))),
                new Position("certificateName", "Cert_SQLBOX01_endpoint", v -> scripts(sales().certificateName(v))),
                new Position("sqlServer.serverName", "SQLBOX01", v -> scripts(Link.from(SqlServerInstance.of(v, "TCP://10.0.1.8:5022"))
                        .database("SalesDb").to(Scenarios.managedInstance()).twoWayDR(true)
                        .certificateExpiry(LocalDate.of(2027, 12, 31)).firstLogBackup("D:\\bk\\SalesDb.trn"))),
                new Position("firstLogBackupPath", "D:\\bk\\SalesDb.trn", v -> scripts(sales().firstLogBackup(v))));
    }

    @TestFactory
    Stream<DynamicTest> hostileNamesAreRefusedOrInert() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Position p : positions()) {
            List<String> benign = p.render().apply(p.benign());
            for (String value : HOSTILE) {
                tests.add(DynamicTest.dynamicTest(p.field() + " = " + visible(value), () -> check(p, benign, value)));
            }
        }
        return tests.stream();
    }

    private static void check(Position p, List<String> benign, String value) {
        List<String> hostile;
        try {
            hostile = p.render().apply(value);
        } catch (LinkPlanningException e) {
            assertThat(e.field()).as("field named in %s", e.getMessage()).isEqualTo(p.field());
            assertThat(e.getMessage()).startsWith(p.field() + " " + e.value() + " is not valid: ");
            assertThat(e.getMessage().substring((p.field() + " " + e.value() + " is not valid: ").length()))
                    .as("the rule").hasSizeGreaterThan(10);
            String shown = e.value();
            assertThat(shown).as("the value is shown, quoted and printable").startsWith("'")
                    .doesNotContainPattern("[\\p{Cc}\\u2028\\u2029]");
            String firstPrintable = value.codePoints().filter(ch -> !Character.isISOControl(ch)
                    && Character.getType(ch) != Character.FORMAT && Character.getType(ch) != Character.LINE_SEPARATOR
                    && Character.getType(ch) != Character.PARAGRAPH_SEPARATOR)
                    .limit(1).mapToObj(Character::toString).findFirst().orElse("");
            assertThat(shown).contains(firstPrintable);
            return;
        }
        assertThat(hostile).hasSameSizeAs(benign);
        for (int i = 0; i < hostile.size(); i++) {
            // the first script is the create plan, where every name position is used in a statement
            assertInert(benign.get(i), hostile.get(i), i == 0 ? (p.field().equals("firstLogBackupPath") ? value.replace("{db}", "SalesDb") : value) : null);
        }
    }

    static void assertInert(String benign, String hostile, String value) {
        List<Token> hostileTokens = TsqlTokens.tokens(hostile);
        assertThat(hostileTokens.stream().map(Token::shape).toList()).as("token shape")
                .isEqualTo(TsqlTokens.shape(benign));
        if (value != null) {
            assertThat(hostileTokens).as("the value sits inside one identifier or literal")
                    .anySatisfy(t -> {
                        assertThat(t.kind()).isIn(Kind.IDENTIFIER, Kind.STRING);
                        assertThat(t.text()).contains(value);
                    });
        }
        assertThat(commandLines(hostile)).as("SQLCMD command and GO lines").isEqualTo(commandLines(benign));
        assertThat(variables(hostile)).as("SQLCMD variables").isEqualTo(variables(benign));
    }

    @Test
    void theTokenizerSeesABreakout() {
        String benign = String.join("\n", TsqlScript.statements(new dev.milink.step.DropAvailabilityGroup("AG_x",
                dev.milink.DatabaseName.of("x"), false)));
        String brokenOut = benign.replace("[AG_x]", "[AG_x]; DROP DATABASE x; --]");
        assertThat(TsqlTokens.shape(brokenOut)).isNotEqualTo(TsqlTokens.shape(benign));
        assertThat(TsqlTokens.balanced("SELECT [a]]")).isFalse();
        assertThat(TsqlTokens.balanced("SELECT N'a''")).isFalse();
        assertThat(TsqlTokens.balanced("/* /* */ SELECT 1")).isFalse();
        assertThat(commandLines("SELECT 1\nGO\n")).containsExactly("GO");
    }

    @Test
    void aBackupPathCannotFormASqlcmdVariableWithTheDatabaseName() {
        assertThatThrownBy(() -> Link.from(Scenarios.sqlBox()).database("(MasterKeyPassword)").to(Scenarios.managedInstance())
                .firstLogBackup("D:\\bk\\$" + "{db}.trn").plan())
                .isInstanceOf(LinkPlanningException.class)
                .hasMessageContaining("firstLogBackupPath").hasMessageContaining("$(");
    }
}
