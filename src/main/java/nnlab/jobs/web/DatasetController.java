package nnlab.jobs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nnlab.data.DatasetInfo;
import nnlab.data.Datasets;
import nnlab.jobs.JobSpecMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "datasets")
public class DatasetController {

    private final JobSpecMapper mapper;

    public DatasetController(JobSpecMapper mapper) {
        this.mapper = mapper;
    }

    @GetMapping("/api/datasets")
    @Operation(summary = "the data sets a spec can name, with their shapes, parameters, defaults and allowed values")
    public List<DatasetInfo> datasets() {
        return Datasets.describe(mapper.datasetLimits());
    }
}
