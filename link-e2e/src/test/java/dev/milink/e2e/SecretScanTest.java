package dev.milink.e2e;

import static dev.milink.e2e.Worlds.DB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.demo.SimulatedEnvironment;
import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.milink.DropOptions;
import dev.milink.FailoverOptions;
import dev.milink.LinkDefinition;
import dev.milink.LinkException;
import dev.milink.LinkHealth;
import dev.milink.LinkPlan;
import dev.milink.core.JournalStore;
import dev.milink.core.LinkRun;
import dev.milink.core.LinkRunner;
import dev.milink.event.LinkEvent;
import dev.milink.testkit.world.LinkedWorld;
import dev.milink.testkit.world.SimulatedClock;
import dev.milink.tsql.TsqlScript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The "Prove it" secret scan: the whole lifecycle (create, failover, fail back, drop, plus failing steps) runs with
 * recognisable secrets - the master key password, the SQL login password, a fake bearer token - and none of them
 * appears in the SLF4J log output, exception messages and stack traces, listener events, the journal files,
 * {@code toString()} of plans, specs, steps, runs, outcomes and health, or the rendered scripts.
 *
 * <p>Excluded, on purpose: the simulated SQL Server's own TDS journal, which records the master key statement as it
 * was sent over the wire (a real SQL Server receives the password too; it is the server's record, not milink's).
 */
@Timeout(120)
class SecretScanTest {

    static final String MASTER_KEY = "MK-s3cret-7f3a9c-do-not-log";
    static final String SQL_PASSWORD = "Sql-Login-s3cret-41b2e8";
    static final String BEARER = "eyFAKE.bearer-s3cret-token-9d0c55";
    static final List<String> SECRETS = List.of(MASTER_KEY, SQL_PASSWORD, BEARER);

    @TempDir
    Path journalDir;

    @Test
    void noSecretAppearsAnywhereMilinkWritesOrShows() throws IOException {
        TokenCredential credential = request -> Mono.just(new AccessToken(BEARER, OffsetDateTime.now().plusHours(1)));
        List<String> texts = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        List<LinkEvent> events = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        System.setErr(new PrintStream(new Tee(captured, originalErr), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(captured, originalOut), true, StandardCharsets.UTF_8));
        try (SimulatedEnvironment env = SimulatedEnvironment.of(LinkedWorld.builder().clock(SimulatedClock.standard())
                .password(SQL_PASSWORD)
                .sqlServerDatabase(DB, d -> d.recoveryFull().fullBackup().logFiles(1).sizeBytes(64L << 20))
                .sqlServerDatabase("HrDb", d -> d.recoveryFull().fullBackup().logFiles(1).sizeBytes(16L << 20))
                .seedingBytesPerSecond(8L << 20).build().start(), credential, MASTER_KEY)) {
            JournalStore journal = JournalStore.directory(journalDir);
            LinkDefinition d = env.linkFromSqlServer(DB).firstLogBackup("/backup/SalesDb_first.trn");

            // a failing step first: the master key statement (the one carrying the password) fails on SQL Server
            env.world().sqlServerTds().faults().onStatement("MASTER KEY").times(50)
                    .error(15581, 16, 3, "Please create a master key in the database or open the master key in the session.");
            LinkPlan create = d.plan();
            LinkRun failed = runner(env, journal, events).run(create);
            assertThat(failed.succeeded()).isFalse();
            failed.failure().ifPresent(failures::add);
            texts.add(failed.toString());
            env.world().sqlServerTds().faults().clear();

            List<LinkPlan> plans = List.of(create, d.planFailover(FailoverOptions.plannedToManagedInstance().workloadStopped(true)),
                    d.planFailback(true), d.planCertificateRotation("Cert_SQLBOX01_2027", LocalDate.of(2027, 6, 30)),
                    d.planDrop(DropOptions.defaults()));
            for (LinkPlan plan : plans) {
                LinkRun run = runner(env, journal, events).run(plan);
                assertThat(run.succeeded()).as(Worlds.failure(run)).isTrue();
                texts.add(run.toString());
                texts.add(plan.toString());
                texts.add(plan.describe());
                texts.add(plan.spec().toString());
                plan.steps().forEach(s -> texts.add(s.toString()));
                run.outcomes().values().forEach(o -> texts.add(o.toString()));
                texts.add(TsqlScript.render(plan));
                if (plan == plans.get(0)) {
                    List<LinkHealth> health = env.monitor().health(plan.spec());
                    health.forEach(h -> texts.add(h.toString()));
                    texts.add(env.monitor().certificates(plan.spec()).toString());
                }
            }
            // failing ARM and SQL steps with the bearer token and login in use
            env.world().arm().faults().on("PUT", "distributedAvailabilityGroups").times(50).respond(400, "BadRequest", "refused");
            LinkRun armFailure = runner(env, journal, events).run(env.linkFromSqlServer("HrDb").plan());
            assertThat(armFailure.succeeded()).isFalse();
            armFailure.failure().ifPresent(failures::add);
            texts.add(armFailure.toString());
            env.world().arm().faults().clear();
            env.world().sqlServerTds().faults().onStatement("N'facts' AS q").times(100).dropConnection();
            LinkRun loginFailure = runner(env, journal, events).run(env.linkFromSqlServer("HrDb").plan());
            assertThat(loginFailure.succeeded()).isFalse();
            loginFailure.failure().ifPresent(failures::add);
            env.world().sqlServerTds().faults().clear();

            texts.add(env.secrets().toString());
            texts.add(env.runner().toString());
            texts.add(env.sqlServer().toString());
            texts.add(env.managedInstance().toString());
            assertThat(env.world().sqlServerTds().journal().statements()).as("the simulated server received the password"
                    + " (its own record, excluded from the scan)").anySatisfy(s -> assertThat(s).contains(MASTER_KEY));
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            texts.add(trace.toString());
            texts.add(String.valueOf(failure.getMessage()));
            if (failure instanceof LinkException e) {
                texts.add(e.fix());
            }
        }
        events.forEach(e -> texts.add(e.toString()));
        List<Path> journalFiles;
        try (Stream<Path> files = Files.walk(journalDir)) {
            journalFiles = files.filter(Files::isRegularFile).toList();
        }
        assertThat(journalFiles).isNotEmpty();
        for (Path file : journalFiles) {
            texts.add(Files.readString(file));
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("the log output was captured").contains("dev.milink");

        Map<String, String> sources = Map.of("logs", logs, "journal files, exceptions, events, toString() and scripts",
                String.join("\n", texts));
        long scanned = logs.length() + texts.stream().mapToLong(String::length).sum();
        System.out.printf("security: secret scan over %d characters (%d log characters, %d journal files, %d exceptions,"
                + " %d events, %d other texts): %d secrets found%n", scanned, logs.length(), journalFiles.size(),
                failures.size(), events.size(), texts.size(), count(sources));
        sources.forEach((where, text) -> SECRETS.forEach(secret ->
                assertThat(text).as("%s must not contain a secret", where).doesNotContain(secret)));
    }

    private static long count(Map<String, String> sources) {
        return sources.values().stream().mapToLong(t -> SECRETS.stream().filter(t::contains).count()).sum();
    }

    private static LinkRunner runner(SimulatedEnvironment env, JournalStore journal, List<LinkEvent> events) {
        return env.runner().journal(journal).listener(events::add);
    }

    /** Copies everything written to the captured buffer as well as to the original stream. */
    private static final class Tee extends OutputStream {
        private final OutputStream copy;
        private final OutputStream original;

        Tee(OutputStream copy, OutputStream original) {
            this.copy = copy;
            this.original = original;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            copy.write(b);
            original.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            copy.write(b, off, len);
            original.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }
}
