package nnlab.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nnlab.NnlabApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server on a random port with an in-memory database; every test class that extends this shares
 * one running application (Spring caches the context).
 */
@SpringBootTest(classes = NnlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:nnlab-shared;DB_CLOSE_DELAY=-1",
                "nnlab.jobs.workers=2",
                "nnlab.jobs.queue-capacity=32",
                "nnlab.jobs.max-active-per-client=100",
                // every POST /api/jobs counts, bad bodies too: the classes sharing this server send dozens of
                // those from one address within a minute (the rate itself is tested with its own servers)
                "nnlab.jobs.submissions-per-minute=600",
                "nnlab.security.instructors[0].username=" + LiveServer.INSTRUCTOR,
                "nnlab.security.instructors[0].password=" + LiveServer.INSTRUCTOR_PASSWORD})
public abstract class LiveServer {

    /** The instructor account the shared server is started with. */
    public static final String INSTRUCTOR = "teacher";
    public static final String INSTRUCTOR_PASSWORD = "correct horse battery staple";

    @LocalServerPort
    protected int port;

    protected Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    /** The epoch numbers of the epoch messages among these, in arrival order. */
    public static List<Integer> epochs(List<JsonNode> messages) {
        List<Integer> e = new ArrayList<>();
        for (JsonNode m : messages) {
            if (m.path("type").asText().equals("epoch")) e.add(m.get("epoch").asInt());
        }
        return e;
    }

    public static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i <= to; i++) r.add(i);
        return r;
    }
}
