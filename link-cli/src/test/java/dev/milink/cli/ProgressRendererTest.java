package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.Link;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkPlan;
import dev.milink.ManagedInstance;
import dev.milink.SqlServerInstance;
import dev.milink.event.LinkEvent;
import dev.milink.step.Step;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressRendererTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MB = 1024 * 1024;

    private final LinkPlan plan = Link.from(SqlServerInstance.of("SQLBOX01", "TCP://10.0.1.8:5022")).database("SalesDb")
            .to(ManagedInstance.fromResourceId(Cli.MI)).plan();
    private final Step seeding = plan.steps().get(plan.steps().size() - 1);

    private String render(boolean terminal) {
        StringWriter text = new StringWriter();
        ProgressRenderer r = new ProgressRenderer(new PrintWriter(text), terminal);
        Step first = plan.steps().get(0);
        r.onEvent(new LinkEvent.PlanStarted(T0, plan, false));
        r.onEvent(new LinkEvent.StepSkipped(T0, first, "already done"));
        r.onEvent(new LinkEvent.StepStarted(T0, seeding));
        r.onEvent(progress(0, 0, 0));
        r.onEvent(progress(1, 10, 10));
        r.onEvent(progress(2, 20, 20));
        r.onEvent(progress(3, 20, 20));
        r.onEvent(new LinkEvent.Warning(T0.plusSeconds(3), seeding, "trace flag 1800 is off"));
        r.onEvent(new LinkEvent.StepCompleted(T0.plusSeconds(10), seeding, Duration.ofSeconds(192), "seeded"));
        r.onEvent(new LinkEvent.StepFailed(T0.plusSeconds(11), seeding,
                new LinkException(LinkErrorCode.SQL_ERROR, "error 41962", "check the endpoint")));
        r.onEvent(new LinkEvent.PlanFinished(T0.plusSeconds(12), plan, false, Duration.ofSeconds(12)));
        return text.toString();
    }

    private LinkEvent.Progress progress(int second, int percent, long mb) {
        return new LinkEvent.Progress(T0.plusSeconds(second), seeding, percent, Optional.of(mb * MB),
                Optional.of(100 * MB), Optional.empty(), "seeding SalesDb");
    }

    @Test
    void plainModePrintsOneLinePerEventAndRateAndEta() {
        String out = render(false);
        int total = plan.steps().size();
        assertThat(out).doesNotContain("\r").doesNotContain("\u001b")
                .contains("Running create plan " + plan.hash() + " (" + total + " steps)")
                .contains("[ 1/" + total + "] skipped:")
                .contains("[ 2/" + total + "] " + seeding.summary() + " ...")
                .contains(" 10%  10.0 MB/s  ETA 9s  seeding SalesDb")
                .contains("warning: trace flag 1800 is off")
                .contains("done: " + seeding.summary() + " (3m12s) - seeded")
                .contains("FAILED: " + seeding.summary() + " - error 41962")
                .contains("Stopped in 12s");
        // the repeated 20% is printed once
        assertThat(out.split(" 20%", -1)).hasSize(2);
    }

    @Test
    void terminalModeDrawsABarInPlace() {
        String out = render(true);
        assertThat(out).contains("\r[" + "#".repeat(3) + ".".repeat(27) + "]  10%  10.0 MB/s  ETA 9s")
                .contains("\r[" + "#".repeat(6) + ".".repeat(24) + "]  20%");
        assertThat(out).contains("\u001b[K\n").as("a line event after the bar starts on a new line");
    }

    @Test
    void shortForms() {
        assertThat(ProgressRenderer.duration(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(ProgressRenderer.duration(Duration.ofSeconds(3725))).isEqualTo("1h02m");
        assertThat(ProgressRenderer.bytes(512)).isEqualTo("512 B");
        assertThat(ProgressRenderer.bytes(1.5 * 1024 * MB)).isEqualTo("1.5 GB");
    }
}
