package nnlab.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.UUID;
import nnlab.platform.ErrorReplies;
import nnlab.platform.SecurityProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. A Bearer token signs a request in as its owner; otherwise students are signed in per
 * request by their signed cookie, instructors by a session after the form login, and callers with none
 * of these are anonymous {@code Person}s (so the job API keeps working for scripts unless
 * {@code nnlab.security.anonymous-api=false}). Instructor pages and endpoints need the instructor role.
 * The API answers refusals as problems (401/403); pages send visitors to /login (instructor pages) or
 * /join (the rest), and show a signed-in person they may not open an error page.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

    private static final String STUDENT = Role.STUDENT.name();
    private static final String INSTRUCTOR = Role.INSTRUCTOR.name();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    static final String SESSION_COOKIE = "JSESSIONID";

    /**
     * What the pages keep to: scripts only from files of this server (no inline scripts or handlers),
     * connections (fetch, the WebSocket) only to it, framing only by its own pages (the labs embed the
     * playground). Styles allow 'unsafe-inline' because KaTeX sets the position and size of every glyph
     * of typeset maths in style attributes; no script can be injected that way.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:", "font-src 'self' data:", "connect-src 'self'",
            "frame-ancestors 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The instructors' sessions, so that a password change can end the other ones: read from the sessions'
     * table (Spring Session), so a session on any instance is found and ended.
     */
    @Bean
    SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    /** Tells the registry when a session ends (Spring Boot registers it as a session listener). */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, IdentityProperties settings, StudentCookies cookies,
                                 StudentRepository students, InstructorLogin instructorLogin, ApiTokens tokens,
                                 LoginThrottle loginThrottle, ObjectMapper json, SessionRegistry sessions,
                                 ErrorReplies errors)
            throws Exception {
        // the API and the actuator answer refusals as problems; pages send visitors to a sign-in page
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/")
                || request.getRequestURI().startsWith("/actuator/");
        RequestMatcher instructorPages = request -> request.getRequestURI().startsWith("/instructor");
        // the lab index and lab pages, not the scripts and styles beside them under /labs/
        RequestMatcher studentPages = new RegexRequestMatcher("^/(playground|playground\\.html|labs|labs/[A-Za-z0-9_-]+"
                + "|account)([?#].*)?$", null);
        AuthenticationEntryPoint apiRefusal = SecurityProblems.entryPoint(errors);
        String anonymousKey = UUID.randomUUID().toString();

        http.authorizeHttpRequests(a -> {
            // the dispatch that ends an event stream continues a request authorized already; students and token
            // holders are not signed in again on it, so it must not be judged as anonymous
            a.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
            a.requestMatchers("/instructor", "/instructor/**", "/api/classes", "/api/classes/**").hasRole(INSTRUCTOR);
            a.requestMatchers("/account/password", "/api/account/**").hasRole(INSTRUCTOR);
            // the server's counters (queue sizes, jobs per status, memory) are the instructors'; health stays open
            a.requestMatchers("/actuator/metrics", "/actuator/metrics/**", "/actuator/info").hasRole(INSTRUCTOR);
            // a visitor who has neither joined nor signed in is told there what to do, instead of being sent away
            a.requestMatchers(HttpMethod.GET, "/account").permitAll();
            a.requestMatchers("/account", "/account/**", "/api/tokens", "/api/tokens/**").hasAnyRole(STUDENT, INSTRUCTOR);
            a.requestMatchers(HttpMethod.GET, "/api/spec/defaults").permitAll(); // the pages' defaults, for anyone
            if (!settings.anonymousApi()) a.requestMatchers("/api/**").hasAnyRole(STUDENT, INSTRUCTOR);
            if (!settings.anonymousPages()) a.requestMatchers(studentPages).hasAnyRole(STUDENT, INSTRUCTOR);
            a.anyRequest().permitAll();
        });
        http.authenticationProvider(instructorLogin);
        // an instructor's session is registered at sign-in, so that a password change can end the others; an
        // ended one answers its next request as signed out (the API: 401, pages: the sign-in form). Spring's
        // concurrent-session support would do both but also runs the session strategies (a new CSRF token) on
        // every request of a student, who is signed in by cookie without a session
        var toInstructorPages = new SavedRequestAwareAuthenticationSuccessHandler();
        toInstructorPages.setDefaultTargetUrl("/instructor");
        http.formLogin(f -> f.loginPage("/login").successHandler((request, response, signedIn) -> {
            sessions.registerNewSession(request.getSession().getId(), signedIn.getPrincipal());
            toInstructorPages.onAuthenticationSuccess(request, response, signedIn);
        }).failureHandler(loginThrottle.failureHandler()).permitAll());
        http.addFilterBefore(loginThrottle.filter(), UsernamePasswordAuthenticationFilter.class);
        http.addFilterAt(new ConcurrentSessionFilter(sessions, SecurityProblems.sessionEnded(json, api, "/login")),
                ConcurrentSessionFilter.class);
        http.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/join")
                .deleteCookies(SESSION_COOKIE, StudentCookies.NAME));
        http.addFilterBefore(new BearerTokenFilter(tokens, apiRefusal), AnonymousAuthenticationFilter.class);
        http.addFilterBefore(new StudentCookieFilter(cookies, students), AnonymousAuthenticationFilter.class);
        http.anonymous(a -> a.key(anonymousKey).authenticationFilter(new AnonymousCallerFilter(anonymousKey)));
        http.exceptionHandling(e -> e
                .defaultAuthenticationEntryPointFor(apiRefusal, api)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), instructorPages)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/join"),
                        AnyRequestMatcher.INSTANCE)
                .defaultAccessDeniedHandlerFor(SecurityProblems.accessDenied(errors), AnyRequestMatcher.INSTANCE));

        // CSRF: the token lives in the XSRF-TOKEN cookie (readable by the pages' scripts, which send it as
        // X-XSRF-TOKEN: frontend/xsrf.js) and in every Thymeleaf form. The plain handler compares the token
        // as it is: the pages' script sends the cookie's value unmasked.
        CookieCsrfTokenRepository csrfCookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookies.setCookieCustomizer(c -> c.sameSite("Lax"));
        http.csrf(c -> c.csrfTokenRepository(csrfCookies)
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(request -> needsCsrfToken(request, api)));
        http.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class);

        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(f -> f.sameOrigin())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Requests that change something need the CSRF token when the browser adds a credential to them on
     * its own: every form post, and API calls carrying the session or student cookie. API calls with a
     * Bearer token, or with no credential cookie at all, carry no ambient authority that another site
     * could borrow, so scripts need no token.
     */
    static boolean needsCsrfToken(HttpServletRequest request, RequestMatcher api) {
        if (SAFE_METHODS.contains(request.getMethod())) return false;
        if (!api.matches(request)) return true;
        if (BearerTokenFilter.present(request)) return false;
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return false;
        for (Cookie c : cookies) {
            if (c.getName().equals(SESSION_COOKIE) || c.getName().equals(StudentCookies.NAME)) return true;
        }
        return false;
    }
}
