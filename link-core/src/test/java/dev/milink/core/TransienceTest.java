package dev.milink.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.step.Side;
import dev.milink.step.StepId;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransienceTest {

    private static LinkExecutionException sql(int number) {
        return LinkExecutionException.sqlFailure(LinkErrorCode.SQL_ERROR, new StepId("x"), Side.SQL_SERVER, number, "m", "f", null);
    }

    private static LinkExecutionException arm(String code, String message) {
        return LinkExecutionException.armFailure(LinkErrorCode.ARM_ERROR, new StepId("x"), Side.MANAGED_INSTANCE, code, message, "f", null, null);
    }

    @Test
    void classifies() {
        for (int n : new int[] {40613, 4060, 1205, 40197, 40501, 49918}) {
            assertThat(Transience.isTransient(sql(n))).as("SQL %d", n).isTrue();
        }
        assertThat(Transience.isTransient(sql(15151))).isFalse();
        assertThat(Transience.isTransient(arm("TooManyRequests", "m"))).isTrue();
        assertThat(Transience.isTransient(arm("OperationTimedOut", "m"))).isTrue();
        assertThat(Transience.isTransient(arm("RemoteDatabaseExists", "m"))).isFalse();
        assertThat(Transience.isTransient(new LinkException(LinkErrorCode.UNREACHABLE, "m", "f"))).isTrue();
        assertThat(Transience.isTransient(new LinkException(LinkErrorCode.INVALID_INPUT, "m", "f"))).isFalse();
        assertThat(Transience.isTransient(new LinkException(LinkErrorCode.SQL_ERROR, "m", "f",
                new RuntimeException("wrapped", new IOException("Connection reset"))))).isTrue();
        assertThat(Transience.isTransient(new IllegalStateException("SQLState 08S01"))).isTrue();
    }

    @Test
    void readsRetryAfter() {
        LinkExecutionException throttled = LinkExecutionException.armFailure(LinkErrorCode.ARM_ERROR, new StepId("mi.link"),
                Side.MANAGED_INSTANCE, "TooManyRequests", "throttled", "wait", null, Duration.ofSeconds(17));
        assertThat(Transience.retryAfter(throttled)).contains(Duration.ofSeconds(17));
        assertThat(Transience.retryAfter(new LinkException(LinkErrorCode.INTERNAL, "wrapped", "", throttled)))
                .as("found through the cause chain").contains(Duration.ofSeconds(17));
        assertThat(Transience.retryAfter(arm("TooManyRequests", "throttled, Retry-After: 17")))
                .as("a number in a message is not a hint").isEmpty();
    }

    @Test
    void backoffGrowsAndIsCapped() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 0.0);
        assertThat(p.delayAfter(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delayAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.delayAfter(9, 0.5)).isEqualTo(Duration.ofSeconds(10));
        RetryPolicy jittered = new RetryPolicy(10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 0.5);
        assertThat(jittered.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(jittered.delayAfter(1, 0.999)).isBetween(Duration.ofMillis(1400), Duration.ofMillis(1500));
    }
}
