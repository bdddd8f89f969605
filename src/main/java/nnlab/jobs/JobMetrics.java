package nnlab.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters on {@code /actuator/metrics}: {@code nnlab.jobs.queued|running|paused} (gauges),
 * {@code nnlab.jobs.finished} (counter, tag status), {@code nnlab.jobs.epochs} (counter) and
 * {@code nnlab.jobs.epochs.rate} (epochs per second over the last 10 seconds, all jobs together).
 */
@Component
public class JobMetrics {

    private static final int WINDOW_SECONDS = 10;

    private final MeterRegistry registry;
    private final Counter epochs;
    private final Map<JobStatus, Counter> finished = new EnumMap<>(JobStatus.class);
    private final long[] perSecond = new long[WINDOW_SECONDS + 1];
    private final long[] secondOf = new long[WINDOW_SECONDS + 1];

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.epochs = Counter.builder("nnlab.jobs.epochs").description("epochs trained, all jobs").register(registry);
        for (JobStatus s : JobStatus.values()) {
            if (s.finished()) {
                finished.put(s, Counter.builder("nnlab.jobs.finished").tag("status", s.name())
                        .description("jobs that ended, by final status").register(registry));
            }
        }
        Gauge.builder("nnlab.jobs.epochs.rate", this, JobMetrics::epochsPerSecond).baseUnit("epochs/s")
                .description("epochs per second over the last " + WINDOW_SECONDS + " s").register(registry);
    }

    void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    void epoch() {
        epochs.increment();
        long second = System.nanoTime() / 1_000_000_000L;
        int slot = (int) (second % perSecond.length);
        synchronized (perSecond) {
            if (secondOf[slot] != second) {
                secondOf[slot] = second;
                perSecond[slot] = 0;
            }
            perSecond[slot]++;
        }
    }

    void finished(JobStatus status) {
        Counter c = finished.get(status);
        if (c != null) c.increment();
    }

    /** Epochs per second over the last full {@value #WINDOW_SECONDS} seconds. */
    public double epochsPerSecond() {
        long now = System.nanoTime() / 1_000_000_000L;
        long sum = 0;
        synchronized (perSecond) {
            for (int i = 0; i < perSecond.length; i++) {
                if (secondOf[i] < now && secondOf[i] >= now - WINDOW_SECONDS) sum += perSecond[i];
            }
        }
        return sum / (double) WINDOW_SECONDS;
    }
}
