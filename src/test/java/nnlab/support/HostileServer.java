package nnlab.support;

import nnlab.NnlabApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A server of its own for hostile requests (they try wrong passwords, which lock the instructor out, and
 * submit more often than a client may), shared by the test classes that extend this; it also has an
 * endpoint that fails on purpose ({@link FaultyEndpoint}), left out of the OpenAPI document.
 */
@SpringBootTest(classes = {NnlabApplication.class, FaultyEndpoint.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:nnlab-hostile;DB_CLOSE_DELAY=-1",
                "test.faulty-endpoint=true",
                "nnlab.jobs.workers=1",
                "nnlab.jobs.queue-capacity=64",
                "nnlab.jobs.max-active-per-client=100",
                "nnlab.jobs.submissions-per-minute=100000",
                "nnlab.security.instructors[0].username=" + LiveServer.INSTRUCTOR,
                "nnlab.security.instructors[0].password=" + LiveServer.INSTRUCTOR_PASSWORD})
public abstract class HostileServer {

    @LocalServerPort
    protected int port;
}
