package nnlab.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Callers with no cookie, session or token are anonymous {@link Person}s, told apart as before classes
 * existed: by the {@code X-Nnlab-Client} header if they send one, otherwise by their address. Their
 * jobs are stored under {@code anonymous:<that>}.
 */
public class AnonymousCallerFilter extends AnonymousAuthenticationFilter {

    /** Optional header naming an anonymous caller (for the per-client job limit); otherwise the address counts. */
    public static final String CLIENT_HEADER = "X-Nnlab-Client";
    private static final int MAX_CLIENT = 200 - Person.ANONYMOUS_PREFIX.length();

    private final String key;

    public AnonymousCallerFilter(String key) {
        super(key);
        this.key = key;
    }

    @Override
    protected Authentication createAuthentication(HttpServletRequest request) {
        return new AnonymousAuthenticationToken(key, Person.anonymous(client(request)),
                List.of(new SimpleGrantedAuthority(Role.ANONYMOUS.authority())));
    }

    static String client(HttpServletRequest request) {
        String header = request.getHeader(CLIENT_HEADER);
        String who = header != null && !header.isBlank() ? header.strip() : request.getRemoteAddr();
        return who.length() > MAX_CLIENT ? who.substring(0, MAX_CLIENT) : who;
    }
}
