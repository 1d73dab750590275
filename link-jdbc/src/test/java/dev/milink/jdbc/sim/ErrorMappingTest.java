package dev.milink.jdbc.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.milink.DatabaseName;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.step.CreateAvailabilityGroup;
import dev.milink.step.CreateMasterKey;
import dev.milink.step.SqlServerStep;
import dev.milink.step.Side;
import dev.milink.jdbc.SqlErrorMapping;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SQL faults injected in the TDS server come back as LinkExceptions naming step, side, number and fix. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ErrorMappingTest {

    private static SqlServerStep step(Class<? extends SqlServerStep> kind) {
        return SimulatedSteps.of(SimulatedSql.salesDb().plan()).stream().filter(kind::isInstance).findFirst().orElseThrow();
    }

    private static LinkExecutionException applyFailing(SimulatedSql env, SqlServerStep step) {
        return catchThrowableOfType(LinkExecutionException.class, () -> env.port.apply(step, SimulatedSql.inputs()));
    }

    @Test
    void agErrorNamesStepSideNumberAndFix() {
        try (SimulatedSql env = SimulatedSql.start()) {
            env.tds.faults().onStatement("CREATE AVAILABILITY GROUP").error(1475, 16, 1, "backup chain broken");
            SqlServerStep ag = step(CreateAvailabilityGroup.class);
            LinkExecutionException e = applyFailing(env, ag);
            assertThat(e.step()).isEqualTo(ag.id());
            assertThat(e.side()).isEqualTo(Side.SQL_SERVER);
            assertThat(e.sqlErrorNumber()).contains(1475);
            assertThat(e.code()).isEqualTo(LinkErrorCode.SQL_ERROR);
            assertThat(e.fix()).contains("COPY_ONLY");
            assertThat(e.getMessage()).contains("1475").contains(ag.id().toString());
        }
    }

    @Test
    void connectErrorNumberCarriesItsFix() {
        try (SimulatedSql env = SimulatedSql.start()) {
            env.tds.faults().onStatement("CREATE AVAILABILITY GROUP").error(41973, 16, 1, "cert not imported on MI");
            LinkExecutionException e = applyFailing(env, step(CreateAvailabilityGroup.class));
            assertThat(e.sqlErrorNumber()).contains(41973);
            assertThat(e.fix()).contains("server trust certificate");
        }
    }

    @Test
    void loginFailureIsNotTransient() {
        try (SimulatedSql env = SimulatedSql.start()) {
            env.tds.faults().onLogin().error(18456, 14, 1, "Login failed for user 'sa'.");
            LinkException e = catchThrowableOfType(LinkException.class, () -> env.port.observe(List.of()));
            assertThat(e.code()).isEqualTo(LinkErrorCode.SQL_ERROR);
            assertThat(e.getMessage()).contains("18456");
            assertThat(e.fix()).contains("login");
            assertThat(e.getMessage()).doesNotContain(SimulatedSql.LOGIN_PASSWORD);
        }
    }

    @Test
    void droppedConnectionIsUnreachableAndTransient() {
        try (SimulatedSql env = SimulatedSql.start()) {
            env.tds.faults().onStatement("CREATE AVAILABILITY GROUP").dropConnection();
            LinkExecutionException e = applyFailing(env, step(CreateAvailabilityGroup.class));
            assertThat(e.code()).isEqualTo(LinkErrorCode.UNREACHABLE);
            assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
            assertThat(SqlErrorMapping.isTransient((java.sql.SQLException) e.getCause())).isTrue();
            // the broken connection is not pooled: the next call works
            assertThat(env.port.observe(List.of(DatabaseName.of("SalesDb"))).databases()).hasSize(1);
        }
    }

    @Test
    void deadlockAndDatabaseUnavailableAreTransient() {
        for (int number : new int[] {1205, 40613}) {
            try (SimulatedSql env = SimulatedSql.start()) {
                env.tds.faults().onStatement("CREATE AVAILABILITY GROUP").error(number, 13, 1, "try again");
                LinkExecutionException e = applyFailing(env, step(CreateAvailabilityGroup.class));
                assertThat(e.code()).as("error %d", number).isEqualTo(LinkErrorCode.UNREACHABLE);
                assertThat(e.sqlErrorNumber()).contains(number);
                assertThat(e.fix()).contains("retries");
            }
        }
    }

    @Test
    void hadrDisabledServerFailsTheAgStepWithTheHadrFix() {
        try (SimulatedSql env = SimulatedSql.start(b -> b.hadrEnabled(false))) {
            for (SqlServerStep s : SimulatedSteps.of(SimulatedSql.salesDb().plan())) {
                if (s instanceof CreateAvailabilityGroup) {
                    LinkExecutionException e = applyFailing(env, s);
                    assertThat(e.sqlErrorNumber()).contains(35221);
                    assertThat(e.fix()).contains("Always On");
                    return;
                }
                env.port.apply(s, SimulatedSql.inputs());
            }
            throw new AssertionError("no availability group step");
        }
    }

    @Test
    void masterKeyPasswordNeverInExceptionText() {
        try (SimulatedSql env = SimulatedSql.start()) {
            env.tds.faults().onStatement("CREATE MASTER KEY").error(15578, 16, 1, "There is already a master key");
            LinkExecutionException e = applyFailing(env, step(CreateMasterKey.class));
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(SimulatedSql.MASTER_KEY_PASSWORD).contains("********");
            assertThat(e.toString()).doesNotContain(SimulatedSql.MASTER_KEY_PASSWORD);
            // it did go over the wire: that is expected
            assertThat(env.tds.journal().statements()).anyMatch(s -> s.contains(SimulatedSql.MASTER_KEY_PASSWORD));
        }
    }
}
