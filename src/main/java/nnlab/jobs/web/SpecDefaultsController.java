package nnlab.jobs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import nnlab.jobs.JobSpecMapper;
import nnlab.jobs.SpecDefaults;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The defaults of a job spec's optional fields, from the one table the server fills specs with. */
@RestController
@Tag(name = "datasets")
public class SpecDefaultsController {

    /**
     * @param defaults dotted path in the JSON of POST /api/jobs ({@code []}: every element) → its default
     * @param fields   each defaulted field with its bounds and what it does
     */
    public record Defaults(Map<String, Object> defaults, List<SpecDefaults.Field> fields) {
    }

    private final SpecDefaults table;

    public SpecDefaultsController(JobSpecMapper mapper) {
        this.table = mapper.defaults();
    }

    @GetMapping("/api/spec/defaults")
    @Operation(summary = "the default of every optional job-spec field the server fills in, with its bounds")
    public Defaults defaults() {
        return new Defaults(table.values(), List.copyOf(table.fields()));
    }
}
