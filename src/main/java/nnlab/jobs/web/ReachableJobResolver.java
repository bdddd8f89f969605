package nnlab.jobs.web;

import java.security.Principal;
import java.util.Map;
import nnlab.jobs.JobCaller;
import nnlab.jobs.JobService;
import nnlab.jobs.ReachableJob;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The door of every job endpoint: a {@link ReachableJob} argument is the job of the path's {@code {id}},
 * looked up through {@link JobService#reach} with the request's caller (404 unknown, 403 someone else's,
 * 401 a signed-in user's job for an anonymous caller). Arguments are resolved in their order, so a
 * handler declares it first: the refusal then comes before its body is read or validated.
 */
class ReachableJobResolver implements HandlerMethodArgumentResolver {

    static final String ID = "id";

    private final JobService jobs;

    ReachableJobResolver(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ReachableJob.class;
    }

    @Override
    public ReachableJob resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                        NativeWebRequest request, WebDataBinderFactory binders) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String id = variables == null ? null : variables.get(ID);
        if (id == null) {
            throw new IllegalStateException("a job argument needs {" + ID + "} in the path: " + parameter.getMethod());
        }
        return jobs.reach(caller(SecurityContextHolder.getContext().getAuthentication()), id);
    }

    /** The job caller behind a request's or a WebSocket session's principal; null if there is none. */
    static JobCaller caller(Principal principal) {
        if (principal instanceof Authentication a && a.getPrincipal() instanceof JobCaller c) return c;
        return principal instanceof JobCaller c ? c : null;
    }
}
