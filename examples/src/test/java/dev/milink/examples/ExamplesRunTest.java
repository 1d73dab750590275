package dev.milink.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs each example's {@code main} in-process so the programs the README quotes cannot rot. */
@Timeout(120)
class ExamplesRunTest {

    private static String run(ThrowingMain main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.print(out);
        return out;
    }

    @FunctionalInterface
    interface ThrowingMain {
        void run() throws Exception;
    }

    @Test
    void createLink() throws Exception {
        String out = run(() -> CreateLink.main(new String[0]));
        assertTrue(out.contains("created: [SalesDb]"), out);
    }

    @Test
    void watchHealth() throws Exception {
        String out = run(() -> WatchHealth.main(new String[0]));
        assertTrue(out.contains("DAG_SalesDb: HEALTHY"), out);
        assertTrue(out.contains("health: DAG_SalesDb HEALTHY"), out);
    }

    @Test
    void plannedFailover() throws Exception {
        String out = run(() -> PlannedFailover.main(new String[0]));
        assertTrue(out.contains("after failover: Managed Instance PRIMARY, committed 100"), out);
        assertTrue(out.contains("after fail back: SQL Server PRIMARY"), out);
    }

    @Test
    void renderScript() throws Exception {
        String out = run(() -> RenderScript.main(new String[0]));
        assertTrue(out.contains("CREATE AVAILABILITY GROUP [AG_SalesDb]"), out);
        assertTrue(out.contains("$(MasterKeyPassword)"), out);
    }
}
