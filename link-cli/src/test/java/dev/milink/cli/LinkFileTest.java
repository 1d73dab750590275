package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.Link;
import dev.milink.LinkPlan;
import dev.milink.ManagedInstance;
import dev.milink.SqlServerInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkFileTest {

    @TempDir
    Path dir;

    private Path file(String... lines) throws Exception {
        Path f = dir.resolve("sales.link");
        Files.write(f, List.of(lines));
        return f;
    }

    @Test
    void theFileDescribesTheLink() throws Exception {
        Path f = file("# the sales link", "sql-server = SQLBOX01\\INST2", "endpoint = TCP://10.0.1.8:5022",
                "database = SalesDb, Orders", "managed-instance = " + Cli.MI, "two-way-dr = true", "",
                "first-log-backup = D:\\backup\\{db}_first.trn");
        Cli.Result r = Cli.run("plan", "--link-file", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        LinkPlan expected = Link.from(SqlServerInstance.of("SQLBOX01\\INST2", "TCP://10.0.1.8:5022"))
                .database("SalesDb", "Orders").to(ManagedInstance.fromResourceId(Cli.MI)).twoWayDR(true)
                .firstLogBackup("D:\\backup\\{db}_first.trn").plan();
        assertThat(r.out()).isEqualTo(expected.describe());
    }

    @Test
    void flagsOverrideTheFile() throws Exception {
        Path f = file("sql-server = SQLBOX01", "endpoint = TCP://10.0.1.8:5022", "database = SalesDb",
                "managed-instance = " + Cli.MI, "two-way-dr = true");
        Cli.Result r = Cli.run("plan", "--link-file", f.toString(), "--database", "Inventory", "--two-way-dr=false",
                "--endpoint", "TCP://10.0.1.9:5023");
        assertThat(r.exit()).as(r.err()).isZero();
        LinkPlan expected = Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.9:5023")).database("Inventory")
                .to(ManagedInstance.fromResourceId(Cli.MI)).twoWayDR(false).plan();
        assertThat(r.out()).isEqualTo(expected.describe());
    }

    @Test
    void unknownKeysAndMissingFilesAreUsageErrors() throws Exception {
        Cli.Result unknown = Cli.run("plan", "--link-file", file("sql_server = SQLBOX01").toString());
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--link-file").contains("line 1").contains("sql_server").contains("Fix:");
        Cli.Result missing = Cli.run("plan", "--link-file", dir.resolve("nope.link").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void parserRules() {
        assertThat(LinkFile.parse(List.of("database = a", "database = b,c")).databases()).containsExactly("a", "b", "c");
        assertThat(LinkFile.parse(List.of("--sql-server=X")).get("sql-server")).isEqualTo("X");
        assertThatThrownBy(() -> LinkFile.parse(List.of("sql-server = a", "sql-server = b")))
                .hasMessageContaining("line 2").hasMessageContaining("twice");
        assertThatThrownBy(() -> LinkFile.parse(List.of("just words"))).hasMessageContaining("line 1");
    }
}
