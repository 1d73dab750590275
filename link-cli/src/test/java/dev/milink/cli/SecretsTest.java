package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.LinkException;
import dev.milink.SecretSource;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class SecretsTest {

    static final String SQL_PASSWORD = "Fake-SqlPw-7zQx!93";
    static final String MASTER_KEY = "Fake-MasterKey-K8vR#41";
    static final Map<String, String> ENV = Map.of(CliEnvironment.SQL_PASSWORD, SQL_PASSWORD,
            CliEnvironment.MASTER_KEY_PASSWORD, MASTER_KEY);

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        ConnectionOptions connection;
    }

    private static ConnectionOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.connection;
    }

    @Test
    void noCommandEverPrintsTheSecrets() {
        String[][] runs = {
            Cli.concat(new String[] {"create", "--verbose", "--sql-host", "127.0.0.1", "--sql-user", "sa"}, Cli.LINK),
            Cli.concat(new String[] {"check", "--json", "--sql-host", "127.0.0.1", "--sql-user", "sa"}, Cli.LINK),
            Cli.concat(new String[] {"script", "--two-way-dr"}, Cli.LINK),
            Cli.concat(new String[] {"plan", "--json"}, Cli.LINK),
            Cli.concat(new String[] {"failover", "--forced", "--verbose"}, Cli.LINK),
            {"status", "--verbose", "--sql-url", "jdbc:sqlserver://h:1433;user=sa"},
        };
        for (String[] args : runs) {
            Cli.Result r = Cli.run(ENV, args);
            assertThat(r.all()).as(String.join(" ", args)).doesNotContain(SQL_PASSWORD).doesNotContain(MASTER_KEY);
        }
    }

    @Test
    void aPasswordInsideTheJdbcUrlIsRefusedWithoutEchoingIt() {
        Cli.Result r = Cli.run(ENV, Cli.concat(new String[] {"status", "--json", "--sql-url",
            "jdbc:sqlserver://h:1433;user=sa;password=" + SQL_PASSWORD}, Cli.LINK));
        // status waits for link-core before it connects; the URL is validated when it connects, below.
        assertThat(r.all()).doesNotContain(SQL_PASSWORD);
        ConnectionOptions options = parse("--sql-url", "jdbc:sqlserver://h:1433;user=sa;Password = " + SQL_PASSWORD);
        assertThatThrownBy(() -> options.sqlServer(CliEnvironment.of(ENV)))
                .isInstanceOf(OptionException.class).hasMessageContaining("--sql-url")
                .hasMessageContaining(CliEnvironment.SQL_PASSWORD).hasMessageNotContaining(SQL_PASSWORD);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {";pwd=", ";PWD =", ";PassWord\t=", "; password=",
        ";Pwd\u00a0=", ";user=sa;password\n="})
    void everySpellingOfAPasswordPropertyIsRefused(String property) {
        ConnectionOptions options = parse("--sql-url", "jdbc:sqlserver://h:1433;user=sa" + property + SQL_PASSWORD);
        assertThatThrownBy(() -> options.sqlServer(CliEnvironment.of(ENV)))
                .isInstanceOf(OptionException.class).hasMessageContaining("the URL contains a password")
                .hasMessageNotContaining(SQL_PASSWORD);
    }

    @Test
    void aUrlWithoutAPasswordPropertyIsAccepted() {
        ConnectionOptions options = parse("--sql-url", "jdbc:sqlserver://h:1433;user=sa;applicationIntent=ReadOnly;"
                + "databaseName=pwdStore");
        assertThatCode(() -> options.sqlServer(CliEnvironment.of(ENV))).doesNotThrowAnyException();
    }

    @Test
    void thePasswordComesFromTheEnvironmentAndStaysOutOfToString() throws Exception {
        DataSource ds = parse("--sql-host", "db.example", "--sql-user", "sa").sqlServer(CliEnvironment.of(ENV));
        assertThat(ds.toString()).doesNotContain(SQL_PASSWORD);
        assertThat(ds.unwrap(com.microsoft.sqlserver.jdbc.SQLServerDataSource.class).getUser()).isEqualTo("sa");
    }

    @Test
    void withoutTheVariableAndWithoutAConsoleTheErrorSaysWhatToSet() {
        ConnectionOptions options = parse("--sql-host", "db.example", "--sql-user", "sa");
        assertThatThrownBy(() -> options.sqlServer(CliEnvironment.of(Map.of())))
                .isInstanceOf(LinkException.class).hasMessageContaining(CliEnvironment.SQL_PASSWORD);
    }

    @Test
    void thePromptIsUsedWhenTheVariableIsMissing() throws Exception {
        CliEnvironment typed = new CliEnvironment(name -> null, prompt -> "Typed-Pw-55".toCharArray(), true);
        DataSource ds = parse("--sql-host", "db.example", "--sql-user", "sa").sqlServer(typed);
        assertThat(ds.toString()).doesNotContain("Typed-Pw-55");
    }

    @Test
    void theMasterKeyComesFromItsVariableThroughTheSecretSource() {
        try (Sessions sessions = new LiveSessions(parse(), CliEnvironment.of(ENV))) {
            assertThat(sessions.secrets().secret(SecretSource.MASTER_KEY_PASSWORD).reveal()).isEqualTo(MASTER_KEY);
            assertThat(sessions.secrets().secret(SecretSource.MASTER_KEY_PASSWORD).toString()).doesNotContain(MASTER_KEY);
        }
        try (Sessions none = new LiveSessions(parse(), CliEnvironment.of(Map.of()))) {
            assertThatThrownBy(() -> none.secrets().secret(SecretSource.MASTER_KEY_PASSWORD))
                    .hasMessageContaining(CliEnvironment.MASTER_KEY_PASSWORD);
        }
    }

    @Test
    void armEndpointMustBeHttps() {
        assertThat(parse().armEndpoint().toString()).isEqualTo(ConnectionOptions.DEFAULT_ARM_ENDPOINT);
        assertThatThrownBy(() -> parse("--arm-endpoint", "http://localhost:8443").armEndpoint())
                .isInstanceOf(OptionException.class).hasMessageContaining("--arm-endpoint");
    }
}
