package nnlab.jobs.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import nnlab.jobs.JobCaller;
import nnlab.jobs.SubmissionGuard;
import nnlab.jobs.SubmissionRateLimiter;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Admits a {@code POST /api/jobs} before its body is read: the guards (a class's paused submissions, anonymous
 * callers' rate per address), then the caller's own submission rate. So every submission takes its token, accepted
 * or not: a body that cannot be read or a spec out of bounds counts as an accepted one does, and a script looping on
 * a bad body is slowed down as much as one looping on a good one.
 */
@Configuration
class SubmissionAdmission implements HandlerInterceptor, WebMvcConfigurer {

    private final List<SubmissionGuard> guards;
    private final SubmissionRateLimiter rateLimiter;

    SubmissionAdmission(List<SubmissionGuard> guards, SubmissionRateLimiter rateLimiter) {
        this.guards = guards;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/jobs");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) return true;
        JobCaller caller = caller();
        for (SubmissionGuard guard : guards) guard.check(caller);
        if (caller != null) rateLimiter.acquire(caller.ownerKey());
        return true;
    }

    private static JobCaller caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof JobCaller caller ? caller : null;
    }
}
