package dev.milink.cli;

import dev.milink.demo.SimulatedEnvironment;
import dev.milink.testkit.world.LinkedWorld;
import dev.milink.testkit.world.LinkedWorldBuilder;
import dev.milink.testkit.world.SimulatedClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** Runs milink in-process against a simulated world, with captured output. */
final class Sim implements AutoCloseable {

    static final String SQL_PASSWORD = "Fake-SqlPw-7zQx!93";
    static final String MASTER_KEY = "Fake-MasterKey-K8vR#41";
    static final Map<String, String> ENV = Map.of(CliEnvironment.SQL_PASSWORD, SQL_PASSWORD,
            CliEnvironment.MASTER_KEY_PASSWORD, MASTER_KEY);

    final SimulatedEnvironment env;
    private final Path journal;

    private Sim(SimulatedEnvironment env, Path journal) {
        this.env = env;
        this.journal = journal;
    }

    /** A world with SalesDb ready for a link, the sa password being {@link #SQL_PASSWORD}. */
    static Sim start(Path journal) {
        return start(journal, b -> b.sqlServerDatabase("SalesDb",
                d -> d.recoveryFull().fullBackup().logFiles(1).sizeBytes(64L << 20)));
    }

    static Sim start(Path journal, Consumer<LinkedWorldBuilder> config) {
        LinkedWorldBuilder b = LinkedWorld.builder().clock(SimulatedClock.standard()).password(SQL_PASSWORD)
                .seedingBytesPerSecond(8L << 20);
        config.accept(b);
        return new Sim(SimulatedEnvironment.of(b.build().start()), journal);
    }

    /** The link options that match the world. */
    String[] link() {
        return new String[] {"--sql-server", env.world().sqlServer().serverName(), "--endpoint", "TCP://10.0.1.8:5022",
            "--database", "SalesDb", "--managed-instance", env.managedInstanceId().resourceId(), "--two-way-dr",
            "--journal-dir", journal.toString()};
    }

    /** Runs {@code command <args> <link options>}. */
    Cli.Result run(String... args) {
        String[] all = Cli.concat(args, link());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cmd = Milink.configure(new picocli.CommandLine(
                new Milink(CliEnvironment.of(ENV), SimulatedSessions.factory(env))));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(all);
        return new Cli.Result(exit, out.toString(), err.toString());
    }

    @Override
    public void close() {
        env.close();
    }
}
