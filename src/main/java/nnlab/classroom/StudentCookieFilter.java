package nnlab.classroom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in the student of a valid {@code nnlab_student} cookie for this request (nothing is kept in a
 * session), unless an instructor's session or a token already did. A cookie of a student who no longer
 * exists is ignored. Notes when the student was last seen, at most once a minute.
 */
public class StudentCookieFilter extends OncePerRequestFilter {

    private static final Duration SEEN_GRANULARITY = Duration.ofMinutes(1);

    private final StudentCookies cookies;
    private final StudentRepository students;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public StudentCookieFilter(StudentCookies cookies, StudentRepository students) {
        this.cookies = cookies;
        this.students = students;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = contexts.getContext().getAuthentication();
        if (current == null || !current.isAuthenticated()) {
            OptionalLong id = cookies.read(request);
            if (id.isPresent()) {
                students.find(id.getAsLong()).ifPresent(student -> {
                    SecurityContext context = contexts.createEmptyContext();
                    context.setAuthentication(new PersonAuthentication(student.person()));
                    contexts.setContext(context);
                    Instant now = Instant.now();
                    if (student.lastSeenAt().plus(SEEN_GRANULARITY).isBefore(now)) students.seen(student.id(), now);
                });
            }
        }
        chain.doFilter(request, response);
    }
}
