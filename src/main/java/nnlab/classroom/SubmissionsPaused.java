package nnlab.classroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * While an instructor has paused a class's submissions, its students' {@code POST /api/jobs} are refused
 * with a 403 problem saying so; their queued and running jobs go on.
 */
@Component
public class SubmissionsPaused implements HandlerInterceptor, WebMvcConfigurer {

    static final URI TYPE = URI.create("/problems/submissions-paused");

    private final ClassRepository classes;

    public SubmissionsPaused(ClassRepository classes) {
        this.classes = classes;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/jobs");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) return true;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Person who) || !who.isStudent()) return true;
        classes.find(who.classId()).filter(Classroom::submissionsPaused).ifPresent(c -> {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "your instructor has paused"
                    + " new jobs in \u201c" + c.name() + "\u201d for now; your queued and running jobs go on");
            p.setType(TYPE);
            p.setTitle("Submissions paused");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, p, null);
        });
        return true;
    }
}
