package dev.milink.testkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SimulatorLauncherTest {

    static final String PW = "Launcher-Test-1!";

    @Test
    void badArgumentsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> LauncherOptions.parse("--port", "14330")).hasMessageContaining("--password is required");
        assertThatThrownBy(() -> LauncherOptions.parse("--password", PW, "--port", "x")).hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> LauncherOptions.parse("--password", PW, "--port", "70000")).hasMessageContaining("between 0 and");
        assertThatThrownBy(() -> LauncherOptions.parse("--password", PW, "--flavor", "oracle")).hasMessageContaining("--flavor must be");
        assertThatThrownBy(() -> LauncherOptions.parse("--password", PW, "--version", "latest")).hasMessageContaining("--version");
        assertThatThrownBy(() -> LauncherOptions.parse("--password")).hasMessageContaining("--password needs a value");
        assertThatThrownBy(() -> LauncherOptions.parse("--password", PW, "--bogus")).hasMessageContaining("unknown argument '--bogus'");
        assertThat(LauncherOptions.parse("--password", PW).toString()).doesNotContain(PW);
    }

    @Test
    void startsOneServerTheRealDriverCanUse() throws Exception {
        LauncherOptions o = LauncherOptions.parse("--port", "0", "--password", PW, "--sample-database", "SalesDb",
                "--version", "16.0.4135.4");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (AutoCloseable running = SimulatorLauncher.start(o, new PrintStream(buf, true, StandardCharsets.UTF_8))) {
            String out = buf.toString(StandardCharsets.UTF_8);
            assertThat(out).contains(SimulatorLauncher.DISCLAIMER).contains("sqlcmd -S 127.0.0.1,").doesNotContain(PW);
            Matcher m = Pattern.compile("jdbc:sqlserver://127\\.0\\.0\\.1:(\\d+);").matcher(out);
            assertThat(m.find()).isTrue();
            SQLServerDataSource ds = new SQLServerDataSource();
            ds.setURL("jdbc:sqlserver://127.0.0.1:" + m.group(1) + ";encrypt=false;loginTimeout=5");
            ds.setUser("sa");
            ds.setPassword(PW);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SalesDb.dbo.Orders")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void worldModePrintsBothEndpointsAndTheArmUrl() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (AutoCloseable running = SimulatorLauncher.start(LauncherOptions.parse("--port", "0", "--password", PW, "--world"),
                new PrintStream(buf, true, StandardCharsets.UTF_8))) {
            assertThat(buf.toString(StandardCharsets.UTF_8)).contains(SimulatorLauncher.DISCLAIMER)
                    .contains("Simulated ARM endpoint: https://").contains(".database.windows.net' SQL endpoint on 127.0.0.1:");
        }
    }
}
