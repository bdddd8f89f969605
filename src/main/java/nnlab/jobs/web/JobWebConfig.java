package nnlab.jobs.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nnlab.jobs.JobService;
import nnlab.jobs.ReachableJob;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets job endpoints take a {@link ReachableJob} argument (see {@link ReachableJobResolver}), and documents
 * such an argument as what the client sends: the path's {@code {id}}.
 */
@Configuration
class JobWebConfig implements WebMvcConfigurer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ReachableJob.class);
    }

    private final JobService jobs;

    JobWebConfig(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ReachableJobResolver(jobs));
    }

    @Bean
    OperationCustomizer jobIdInPath() {
        return (operation, handler) -> {
            boolean takesJob = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == ReachableJob.class);
            boolean documented = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> ReachableJobResolver.ID.equals(p.getName()) && "path".equals(p.getIn()));
            if (takesJob && !documented) {
                List<Parameter> parameters = new ArrayList<>();
                parameters.add(new PathParameter().name(ReachableJobResolver.ID).description("the job's id")
                        .schema(new StringSchema()));
                if (operation.getParameters() != null) parameters.addAll(operation.getParameters());
                operation.setParameters(parameters);
            }
            return operation;
        };
    }
}
