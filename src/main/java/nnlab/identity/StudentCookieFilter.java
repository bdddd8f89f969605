package nnlab.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in the student of a valid {@code nnlab_student} cookie for this request (nothing is kept in a
 * session), unless an instructor's session or a token already did. A cookie of a student who no longer
 * exists is ignored. Notes when the student was last seen, at most once a minute.
 *
 * <p>The student is looked up only when something asks who the caller is (a page, the API, a rule that
 * needs a role), not for the scripts, styles and pictures a page loads beside it.
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
        Supplier<SecurityContext> earlier = contexts.getDeferredContext();
        contexts.setDeferredContext(SingletonSupplier.of(() -> signedIn(request, earlier.get())));
        chain.doFilter(request, response);
    }

    private SecurityContext signedIn(HttpServletRequest request, SecurityContext earlier) {
        Authentication current = earlier.getAuthentication();
        if (current != null && current.isAuthenticated()) return earlier;
        OptionalLong id = cookies.read(request);
        if (id.isEmpty()) return earlier;
        return students.find(id.getAsLong()).map(student -> {
            Instant now = Instant.now();
            if (student.lastSeenAt().plus(SEEN_GRANULARITY).isBefore(now)) students.seen(student.id(), now);
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(new PersonAuthentication(student.person()));
            return context;
        }).orElse(earlier);
    }
}
