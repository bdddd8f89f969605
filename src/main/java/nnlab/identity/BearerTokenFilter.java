package nnlab.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} signs the request in as the token's owner, ahead of any cookie.
 * A token that is unknown or revoked is answered 401 at once rather than treated as anonymous, so a
 * script learns that its token stopped working.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint refusal;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint refusal) {
        this.tokens = tokens;
        this.refusal = refusal;
    }

    /** True if the request carries a Bearer token (valid or not). */
    public static boolean present(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (present(request)) {
            String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
            Optional<Person> person = tokens.authenticate(token);
            if (person.isEmpty()) {
                contexts.clearContext();
                refusal.commence(request, response, new BadCredentialsException("the API token is unknown or"
                        + " revoked: make a new one on the account page"));
                return;
            }
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(new PersonAuthentication(person.get()));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
