package nnlab.support;

import nnlab.NnlabApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server with the limits it ships with (per-client job limits, rate limits, timeouts all at their
 * defaults), an in-memory database and two workers: what a student's pages meet. The browser tests and
 * the tests of the default limits extend it and share one running application.
 */
@SpringBootTest(classes = NnlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:nnlab-default-limits;DB_CLOSE_DELAY=-1",
                "nnlab.data-dir=target/default-limits-server",
                "nnlab.jobs.workers=2"})
public abstract class DefaultLimitsServer {

    @LocalServerPort
    protected int port;
}
