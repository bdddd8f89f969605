package nnlab.support;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nnlab.identity.Person;
import nnlab.identity.PersonAuthentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs a MockMvc request in as a person the way the server keeps a sign-in: a session stored in the session
 * repository (Spring Session, in the database) holding the security context, named by the session cookie. A mock
 * request's own session attributes never reach the server's session repository.
 */
public final class SignedInSessions {

    private final SessionRepository<Session> sessions;

    @SuppressWarnings("unchecked")
    public SignedInSessions(SessionRepository<? extends Session> sessions) {
        this.sessions = (SessionRepository<Session>) sessions;
    }

    public RequestPostProcessor as(Person who) {
        Session session = sessions.createSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(new PersonAuthentication(who)));
        sessions.save(session);
        // Spring Session's cookie carries the id in base64
        String value = Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
        return request -> {
            Cookie[] old = request.getCookies() == null ? new Cookie[0] : request.getCookies();
            Cookie[] all = java.util.Arrays.copyOf(old, old.length + 1);
            all[old.length] = new Cookie("JSESSIONID", value);
            request.setCookies(all);
            return request;
        };
    }
}
