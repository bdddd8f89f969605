package nnlab.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import nnlab.data.DatasetSpec;

/** Planned jobs for unit tests, mapped as the server maps them. */
final class JobFixtures {

    static final JobSpecMapper MAPPER = new JobSpecMapper(JobSpecMapperTest.defaults());

    private JobFixtures() {
    }

    /** XOR with one hidden layer, the given epochs, queued paused or not. */
    static JobSpec xor(int epochs, boolean paused) {
        return new JobSpec(DatasetSpec.of("xor"), new JobSpec.Model(List.of(new JobSpec.Layer(4, "tanh", null),
                new JobSpec.Layer(1, "sigmoid", null)), null, null),
                new JobSpec.Training(null, 0.1, null, epochs, null, null, null, null, null, null, null, null, null,
                        null, null, null), 1L, null, paused);
    }

    static Job job(String id, JobSpec spec, Clock clock) {
        return new Job(id, "c", MAPPER.plan(spec), clock.instant(), clock);
    }

    static JobSpec read(String json) {
        try {
            return new ObjectMapper().readValue(json, JobSpec.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
