package nnlab.identity;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import nnlab.platform.RateBuckets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing: each failed sign-in takes a token from the username's bucket and from
 * the address's; while either is empty, POST /login answers 429 with Retry-After before the password is
 * even checked. A wrong current password when an instructor changes theirs counts the same way. The buckets
 * refill over {@code nnlab.security.login-window}. On PostgreSQL the buckets are shared by every instance
 * ({@link RateBuckets}); in memory, at most {@value #MAX_KEYS}
 * usernames and addresses are remembered (the least recently failed are forgotten first).
 */
@Component
public class LoginThrottle {

    static final int MAX_KEYS = 10_000;

    private final IdentityProperties settings;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    private final RateBuckets shared;

    public LoginThrottle(IdentityProperties settings, RateBuckets buckets) {
        this.settings = settings;
        this.shared = buckets.shared() ? buckets : null;
    }

    /** Seconds until this username may try again from this address; 0 if it may now. */
    public long secondsToWait(String username, String address) {
        return lockout(username, address).map(Lockout::seconds).orElse(0L);
    }

    /**
     * @param limitName the property of the limit that is spent (the username's when both are)
     * @param seconds   until the next attempt is allowed, at least 1
     */
    public record Lockout(String limitName, int limit, long seconds) {
    }

    /** Why and for how long this username may not try again from this address; empty if it may now. */
    public synchronized Optional<Lockout> lockout(String username, String address) {
        long user = wait(userKey(username));
        long nanos = Math.max(user, wait(addressKey(address)));
        if (nanos == 0) return Optional.empty();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999));
        return Optional.of(user > 0
                ? new Lockout("nnlab.security.login-failures-per-username", settings.loginFailuresPerUsername(), seconds)
                : new Lockout("nnlab.security.login-failures-per-address", settings.loginFailuresPerAddress(), seconds));
    }

    public synchronized void failed(String username, String address) {
        bucket(userKey(username), settings.loginFailuresPerUsername()).tryConsume(1);
        bucket(addressKey(address), settings.loginFailuresPerAddress()).tryConsume(1);
    }

    private long wait(String key) {
        Bucket b = shared != null ? shared.bucket("login", key, () -> configuration(key)) : buckets.get(key);
        if (b == null) return 0;
        var probe = b.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private Bucket bucket(String key, int failures) {
        if (shared != null) return shared.bucket("login", key, () -> configuration(key));
        Duration window = settings.loginWindow();
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, window)).build());
    }

    private BucketConfiguration configuration(String key) {
        int failures = key.startsWith("user:") ? settings.loginFailuresPerUsername() : settings.loginFailuresPerAddress();
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, settings.loginWindow())).build();
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /** Counts the failure, then goes back to the sign-in page with the error shown. */
    public AuthenticationFailureHandler failureHandler() {
        AuthenticationFailureHandler page = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            failed(request.getParameter("username"), request.getRemoteAddr());
            page.onAuthenticationFailure(request, response, e);
        };
    }

    /** Answers POST /login with 429 while the username or the address is locked out. */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                long seconds = secondsToWait(request.getParameter("username"), request.getRemoteAddr());
                if (seconds == 0) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<title>Too many attempts · nnlab</title><link rel=\"stylesheet\" href=\"/labs/labs.css\">"
                        + "</head><body><main class=\"join\"><h1>Too many sign-in attempts</h1><p>Wait " + seconds
                        + " seconds, then <a href=\"/login\">try again</a>.</p></main></body></html>");
            }
        };
    }
}
