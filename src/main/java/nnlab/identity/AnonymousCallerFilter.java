package nnlab.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Callers with no session, student cookie or token are anonymous {@link Person}s, told apart by the
 * {@code X-Nnlab-Client} header if they send one (scripts), else by their own client cookie, else by their address
 * (a script that keeps no cookies stays one caller per address, as before there were cookies). A browser gets the
 * cookie ({@value #CLIENT_COOKIE}: 128 random bits, opaque, HttpOnly, SameSite=Lax) with its first anonymous answer
 * (the page itself), so that the browsers of a classroom behind one address are separate callers from then on, each
 * with its own jobs and per-client limits. Their jobs are stored under {@code anonymous:<that>}.
 */
public class AnonymousCallerFilter extends AnonymousAuthenticationFilter {

    /** Optional header naming an anonymous caller (for the per-client job limit); otherwise the cookie or address. */
    public static final String CLIENT_HEADER = "X-Nnlab-Client";
    /** The anonymous browser's own id. */
    public static final String CLIENT_COOKIE = "nnlab_client";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Duration KEPT = Duration.ofDays(365);
    private static final int MAX_CLIENT = 200 - Person.ANONYMOUS_PREFIX.length();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String key;

    public AnonymousCallerFilter(String key) {
        super(key);
        this.key = key;
    }

    /** A browser that will be an anonymous caller and has no client id yet gets one, as a cookie, here. */
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response
                && SecurityContextHolder.getContext().getAuthentication() == null && header(request) == null
                && cookie(request) == null) {
            String id = newClientId();
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(CLIENT_COOKIE, id).httpOnly(true)
                    .sameSite("Lax").secure(request.isSecure()).path("/").maxAge(KEPT).build().toString());
        }
        super.doFilter(req, res, chain);
    }

    @Override
    protected Authentication createAuthentication(HttpServletRequest request) {
        return new AnonymousAuthenticationToken(key, Person.anonymous(client(request)),
                List.of(new SimpleGrantedAuthority(Role.ANONYMOUS.authority())));
    }

    static String client(HttpServletRequest request) {
        String header = header(request);
        String who = header != null ? header : cookie(request);
        if (who == null) who = request.getRemoteAddr();
        return who.length() > MAX_CLIENT ? who.substring(0, MAX_CLIENT) : who;
    }

    private static String header(HttpServletRequest request) {
        String header = request.getHeader(CLIENT_HEADER);
        return header != null && !header.isBlank() ? header.strip() : null;
    }

    /** The client id of a well-formed cookie, else null (a bad one is replaced). */
    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) {
            if (c.getName().equals(CLIENT_COOKIE) && CLIENT_ID.matcher(c.getValue()).matches()) {
                return "browser-" + c.getValue();
            }
        }
        return null;
    }

    private static String newClientId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
