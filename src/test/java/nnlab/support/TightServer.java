package nnlab.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import nnlab.NnlabApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A server with small limits for students' chatter, anonymous callers' addresses, evaluations computed at once
 * and sign-in failures, WebSocket origins configured, the
 * forwarded headers of a reverse proxy trusted, four instructor accounts, and a lab folder holding the real labs beside one file that does not parse. The test
 * classes that extend it share one running application.
 */
@SpringBootTest(classes = NnlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:nnlab-tight;DB_CLOSE_DELAY=-1",
                "nnlab.data-dir=target/tight-server-data",
                "nnlab.labs.dir=" + TightServer.LABS,
                "nnlab.jobs.workers=1",
                "nnlab.classroom.heartbeats-per-minute=3",
                "nnlab.classroom.answers-per-minute=4",
                "nnlab.limits.anonymous-submissions-per-minute-per-address=3",
                "nnlab.limits.anonymous-heartbeats-per-minute-per-address=5",
                "nnlab.limits.anonymous-answers-per-minute-per-address=6",
                "nnlab.limits.anonymous-previews-per-minute-per-address=4",
                "nnlab.limits.max-concurrent-evaluations=1",
                "nnlab.security.login-failures-per-username=5",
                "nnlab.security.login-window=10m",
                "nnlab.live.allowed-origins=https://projector.example.org, https://*.school.example",
                "server.forward-headers-strategy=native",
                "nnlab.security.instructors[0].username=keeper",
                "nnlab.security.instructors[0].password=" + TightServer.FIRST_PASSWORD,
                "nnlab.security.instructors[1].username=scripter",
                "nnlab.security.instructors[1].password=" + TightServer.FIRST_PASSWORD,
                "nnlab.security.instructors[2].username=forgetful",
                "nnlab.security.instructors[2].password=" + TightServer.FIRST_PASSWORD,
                "nnlab.security.instructors[3].username=" + TightServer.HOST,
                "nnlab.security.instructors[3].password=" + TightServer.FIRST_PASSWORD})
public abstract class TightServer {

    public static final String LABS = "target/tight-server-labs";
    public static final String FIRST_PASSWORD = "the first password";
    /** The instructor account whose password no test changes. */
    public static final String HOST = "host";
    /** A lab file that does not parse: its widget's JSON is malformed. */
    public static final String BROKEN_LAB = "99-broken.md";

    static {
        try {
            Path dir = Path.of(LABS);
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) Files.delete(p);
            }
            try (Stream<Path> labs = Files.list(Path.of("notebooks-content"))) {
                for (Path f : labs.filter(p -> p.toString().endsWith(".md")).toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(dir.resolve(BROKEN_LAB),
                    "---\ntitle: Broken\norder: 99\nsummary: s\n---\ntext\n\n```widget:train\n{\"spec\": {,}}\n```\n");
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    protected int port;

    /** A signed-in instructor's browser. */
    protected Visitor instructor(String username, String password) {
        Visitor v = new Visitor(port);
        String to = v.login(username, password).header("Location");
        if (to == null || !to.endsWith("/instructor")) throw new AssertionError("sign-in of " + username + " failed: " + to);
        return v;
    }

    /** A new class's join code, made by this instructor. */
    protected static String newClass(Visitor instructor, String name) {
        return instructor.post("/api/classes", "{\"name\": \"" + name + "\"}").json().get("code").asText();
    }
}
