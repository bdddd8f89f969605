package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SubmissionRateLimiterTest {

    private static SubmissionRateLimiter limiter(String perMinute) {
        JobsProperties p = new Binder(new MapConfigurationPropertySource(Map.of(
                "nnlab.jobs.submissions-per-minute", perMinute))).bind("nnlab.jobs", JobsProperties.class).get();
        return new SubmissionRateLimiter(p);
    }

    @Test
    void aBurstOfTheLimitThenOnePerShareOfAMinutePerClient() {
        SubmissionRateLimiter limiter = limiter("6");
        for (int i = 0; i < 6; i++) limiter.acquire("student:a");
        assertThatThrownBy(() -> limiter.acquire("student:a")).isInstanceOf(TooManySubmissionsException.class)
                .satisfies(e -> {
                    TooManySubmissionsException t = (TooManySubmissionsException) e;
                    assertThat(t.limitName()).isEqualTo("nnlab.jobs.submissions-per-minute");
                    assertThat(t.limit()).isEqualTo(6);
                    // six a minute, refilled evenly: the next token within ten seconds
                    assertThat(t.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
                    assertThat(t.getMessage()).contains("6 jobs per minute");
                });
        limiter.acquire("student:b"); // each client has its own bucket
    }

    @Test
    void zeroMeansNoLimit() {
        SubmissionRateLimiter limiter = limiter("0");
        assertThatCode(() -> {
            for (int i = 0; i < 1000; i++) limiter.acquire("student:a");
        }).doesNotThrowAnyException();
    }
}
