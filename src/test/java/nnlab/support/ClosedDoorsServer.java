package nnlab.support;

import nnlab.NnlabApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A server with anonymous use switched off (the API wants a cookie or a token, the pages send visitors to
 * /join) and one instructor, {@code head} with the password {@code a long enough password}. The test
 * classes that extend it share one running application.
 */
@SpringBootTest(classes = NnlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:nnlab-closed;DB_CLOSE_DELAY=-1",
                "nnlab.jobs.workers=1",
                "nnlab.security.anonymous-api=false",
                "nnlab.security.anonymous-pages=false",
                "nnlab.security.instructors[0].username=head",
                "nnlab.security.instructors[0].password=a long enough password"})
public abstract class ClosedDoorsServer {

    @LocalServerPort
    protected int port;
}
