package dev.milink.e2e;

import static dev.milink.tsql.TsqlTokens.commandLines;
import static dev.milink.tsql.TsqlTokens.variables;
import static dev.milink.tsql.TsqlTokens.visible;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.DropOptions;
import dev.milink.InitialPrimary;
import dev.milink.Link;
import dev.milink.LinkDefinition;
import dev.milink.LinkPlan;
import dev.milink.LinkPlanningException;
import dev.milink.ManagedInstance;
import dev.milink.SqlServerInstance;
import dev.milink.tsql.TsqlScript;
import dev.milink.tsql.TsqlTokens;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The "Prove it" hostile-input suite: a generated corpus (fixed seed) of at least 10,000 hostile names and values
 * goes through every name position of the builder and through the renderer. Each is refused at plan time with a
 * {@link LinkPlanningException}, or rendered so that the script's statement structure is the benign script's:
 * same token kinds, same SQLCMD command lines and variables, the value inside one identifier or literal.
 */
@Timeout(600) // a guard against a hang, not a speed target: it took 27 s alone and over 120 s on a loaded 2-core machine
class HostileInputTest {

    private static final long SEED = 0x5EC_2026L;
    private static final int GENERATED = 10_000;
    private static final LocalDate EXPIRY = LocalDate.of(2027, 12, 31);
    private static final ManagedInstance MI = ManagedInstance.of("00000000-1111-2222-3333-444444444444", "rg-milink", "mi-link01");
    private static final SqlServerInstance SQL = SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022");

    /** Pieces of attacks: SQL and SQLCMD syntax, look-alikes, invisible and control characters. */
    static final List<String> ATOMS = List.of("]", "]]", "[", "'", "''", "\"", ";", "--", "/*", "*/", "/* x */", "\nGO\n",
            "\r\nGO\r\n", "GO", "go 5", "$(", "$(MasterKeyPassword)", "$(x)", ")", "\n:r evil.sql\n", "\n!!del *\n",
            ":setvar MasterKeyPassword x", "N'", "'; DROP DATABASE master; --", "]; EXEC xp_cmdshell 'dir'; --",
            "\uFF3B", "\uFF3D", "\uFF07", "\uFF02", "\u02BC", "\u2018", "\u2019", "\u201C", "\u201D", "\uFE59", "\u2E28",
            "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F",
            "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u0000", "\u0001", "\u0007", "\u0008", "\u001B",
            "\u007F", "\u0085", "\u009F", "\t", "\n", "\r", "\u2028", "\u2029", "\u00A0", "%", "{db}", "\\", "/", " ",
            "@", "#", "\uD83D\uDE00", "\u00E9", "\uD800", "\uDC00", "0x41", "CHAR(39)", "\u0130", "\u212A");

    static List<String> corpus() {
        Random random = new Random(SEED);
        Set<String> values = new LinkedHashSet<>(ATOMS);
        for (String atom : ATOMS) {
            values.add("Sales" + atom + "Db");
            for (int length : new int[] {127, 128, 129, 4000}) {
                values.add("a".repeat(Math.max(0, length - atom.length())) + atom);
                values.add(atom + "b".repeat(Math.max(0, length - atom.length())));
            }
        }
        values.add("a".repeat(128));
        values.add("a".repeat(129));
        values.add("a".repeat(4000));
        values.add("");
        for (int c = 0; c < 0x20; c++) {
            values.add("x" + (char) c + "y");
        }
        String letters = "abcXYZ_019 .-";
        while (values.size() < GENERATED) {
            StringBuilder v = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int i = 0; i < parts; i++) {
                int filler = random.nextInt(4);
                for (int j = 0; j < filler; j++) {
                    v.append(letters.charAt(random.nextInt(letters.length())));
                }
                v.append(ATOMS.get(random.nextInt(ATOMS.size())));
            }
            values.add(v.toString());
        }
        return List.copyOf(values);
    }

    /** One name position of the builder and the script that shows it. */
    record Position(String field, String benign, Function<String, String> render) {
    }

    private static LinkDefinition sales() {
        return Link.from(SQL).database("SalesDb").to(MI).twoWayDR(true).certificateExpiry(EXPIRY);
    }

    static List<Position> positions() {
        return List.of(
                new Position("database", "SalesDb", v -> TsqlScript.render(Link.from(SQL).database(v).to(MI).twoWayDR(true)
                        .certificateExpiry(EXPIRY).plan())),
                new Position("database (Managed Instance primary)", "SalesDb",
                        v -> TsqlScript.render(Link.from(MI).database(v).to(SQL).plan())),
                new Position("linkName", "DAG_SalesDb", v -> TsqlScript.render(sales().linkName(v).plan())),
                new Position("linkName (drop)", "DAG_SalesDb",
                        v -> TsqlScript.render(sales().linkName(v).planDrop(new DropOptions(true, true, false)))),
                new Position("sqlServerAvailabilityGroup", "AG_SalesDb",
                        v -> TsqlScript.render(sales().sqlServerAvailabilityGroup(v).plan())),
                new Position("managedInstanceAvailabilityGroup", "AG_SalesDb_MI",
                        v -> TsqlScript.render(sales().managedInstanceAvailabilityGroup(v).plan())),
                new Position("endpointName", "database_mirroring_endpoint", v -> TsqlScript.render(sales().endpointName(v).plan())),
                new Position("certificateName", "Cert_SQLBOX01_endpoint", v -> TsqlScript.render(sales().certificateName(v).plan())),
                new Position("rotation certificateName", "Cert_SQLBOX01_2027",
                        v -> TsqlScript.render(sales().planCertificateRotation(v, EXPIRY))),
                new Position("serverName", "SQLBOX01", v -> TsqlScript.render(Link.from(SqlServerInstance.of(v, "TCP://10.0.1.8:5022"))
                        .database("SalesDb").to(MI).twoWayDR(true).certificateExpiry(EXPIRY).plan())),
                new Position("firstLogBackupPath", "D:\\backup\\SalesDb_first.trn",
                        v -> TsqlScript.render(sales().firstLogBackup(v).plan())),
                new Position("tailLogBackupPath", "/backup/SalesDb_tail.trn",
                        v -> TsqlScript.render(sales().planSplitBrainRepair(InitialPrimary.SQL_SERVER, v))));
    }

    @Test
    void everyHostileValueInEveryNamePositionIsRefusedOrInert() {
        List<String> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(GENERATED);
        long refused = 0;
        long inert = 0;
        List<String> broken = new ArrayList<>();
        for (Position p : positions()) {
            String benign = p.render().apply(p.benign());
            List<TsqlTokens.Token> benignShape = TsqlTokens.shape(benign);
            List<String> benignCommands = commandLines(benign);
            List<String> benignVariables = variables(benign);
            for (String value : corpus) {
                String script;
                try {
                    script = p.render().apply(value);
                } catch (LinkPlanningException e) {
                    refused++;
                    continue;
                } catch (RuntimeException e) {
                    broken.add(p.field() + " = " + visible(value) + ": not a LinkPlanningException but " + e);
                    continue;
                }
                String problem = problem(script, benignShape, benignCommands, benignVariables, value);
                if (problem == null) {
                    inert++;
                } else {
                    broken.add(p.field() + " = " + visible(value) + ": " + problem);
                }
            }
        }
        System.out.printf("security: %d hostile values x %d name positions = %d checks: %d refused at plan time with a"
                + " LinkPlanningException, %d rendered with the benign statement structure, %d broke out%n", corpus.size(),
                positions().size(), (long) corpus.size() * positions().size(), refused, inert, broken.size());
        assertThat(broken).as("values that escaped their identifier or literal").isEmpty();
        assertThat(inert).as("some hostile values are legal names, rendered quoted").isPositive();
    }

    private static String problem(String script, List<TsqlTokens.Token> benignShape, List<String> commands,
            List<String> variables, String value) {
        List<TsqlTokens.Token> tokens;
        try {
            tokens = TsqlTokens.tokens(script);
        } catch (TsqlTokens.UnterminatedException e) {
            return e.getMessage();
        }
        if (!tokens.stream().map(TsqlTokens.Token::shape).toList().equals(benignShape)) {
            return "token kinds differ from the benign script's";
        }
        if (!commandLines(script).equals(commands)) {
            return "SQLCMD command lines differ: " + commandLines(script);
        }
        if (!variables(script).equals(variables)) {
            return "SQLCMD variables differ: " + variables(script);
        }
        boolean contained = value.contains("{db}") || value.length() > 100 || tokens.stream()
                .anyMatch(t -> (t.kind() == TsqlTokens.Kind.IDENTIFIER || t.kind() == TsqlTokens.Kind.STRING) && t.text().contains(value));
        return contained ? null : "the value is not inside one identifier or literal";
    }

    @Test
    void theCheckSeesABreakout() {
        String benign = TsqlScript.render(sales().plan());
        String brokenOut = benign.replace("[AG_SalesDb]", "[AG_SalesDb]; DROP DATABASE x; --]");
        assertThat(TsqlTokens.shape(brokenOut)).isNotEqualTo(TsqlTokens.shape(benign));
        assertThat(problem(benign + "\nGO\n:r evil.sql\n", TsqlTokens.shape(benign), commandLines(benign), variables(benign), "x"))
                .isNotNull();
    }
}
