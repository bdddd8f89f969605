package nnlab.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Refusals of the API as RFC 7807 problems: 401 for a caller who must sign in (a student cookie, an
 * instructor session or a Bearer token), 403 for one who is signed in but may not do this.
 */
public final class SecurityProblems {

    static final URI UNAUTHENTICATED = URI.create("/problems/unauthenticated");
    static final URI FORBIDDEN = URI.create("/problems/forbidden");

    private SecurityProblems() {
    }

    public static ProblemDetail unauthenticated(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        p.setType(UNAUTHENTICATED);
        p.setTitle("Sign in first");
        return p;
    }

    public static ProblemDetail forbidden(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        p.setType(FORBIDDEN);
        p.setTitle("Not allowed");
        return p;
    }

    /** 401 as problem JSON, or as the error page for a browser asking for a page (an unknown token on a page). */
    public static AuthenticationEntryPoint entryPoint(ErrorReplies replies) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            replies.write(request, response, unauthenticated(e instanceof BadCredentialsException ? e.getMessage()
                    : "this needs a signed-in caller: join a class, sign in as an instructor, or send an API"
                    + " token as 'Authorization: Bearer <token>'"));
        };
    }

    /**
     * A request in a session that was ended on the server (the instructor's password was changed elsewhere):
     * the API answers 401, pages go to {@code signIn}.
     */
    public static SessionInformationExpiredStrategy sessionEnded(ObjectMapper json, RequestMatcher api, String signIn) {
        return event -> {
            if (api.matches(event.getRequest())) {
                write(json, event.getResponse(), unauthenticated("this session was ended because the account's"
                        + " password was changed: sign in again with the new one"));
            } else {
                event.getResponse().sendRedirect(event.getRequest().getContextPath() + signIn);
            }
        };
    }

    /** Refusals of a signed-in caller: problem JSON for the API and scripts, the error page for browsers. */
    public static AccessDeniedHandler accessDenied(ErrorReplies replies) {
        return (request, response, e) -> replies.write(request, response, forbidden(request, e));
    }

    private static ProblemDetail forbidden(HttpServletRequest request, Exception e) {
        return e instanceof CsrfException
                ? forbidden("the CSRF token is missing or wrong: a call made with a session or student cookie"
                        + " must send the XSRF-TOKEN cookie's value as the X-XSRF-TOKEN header (the pages do so"
                        + " through /xsrf.js); scripts can use an API token instead")
                : forbidden("you may not " + request.getMethod() + " " + request.getRequestURI());
    }

    static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
