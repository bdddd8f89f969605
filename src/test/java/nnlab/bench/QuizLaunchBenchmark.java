package nnlab.bench;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import nnlab.NnlabApplication;
import nnlab.jobs.web.LiveDestination;
import nnlab.support.Api;
import nnlab.support.Visitor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Launch to screen for a full class: {@code students} (default 60) students each hold a STOMP session subscribed
 * to their class's quiz topic, as the overlay does; the instructor launches a question over REST {@code rounds}
 * times (default 30), and each student's arrival is timed from just before the POST. Side by side, in the same
 * run and on the same sessions, the floor: a message of the same size put on the topic directly (no HTTP, no
 * database). Prints name=value lines; run on purpose:
 * {@code ./mvnw -q -Pbench test-compile exec:exec@quiz -Dbench.quizStudents=60 -Dbench.quizRounds=30}
 */
public final class QuizLaunchBenchmark {

    private static final String INSTRUCTOR = "bench";
    private static final String PASSWORD = "a long enough benchmark password";

    private QuizLaunchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        // as command-line arguments, so that they win over application.properties (an in-memory database)
        ConfigurableApplicationContext app = new SpringApplicationBuilder(NnlabApplication.class).run(
                "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn",
                "--nnlab.security.instructors[0].username=" + INSTRUCTOR,
                "--nnlab.security.instructors[0].password=" + PASSWORD,
                "--spring.datasource.url=jdbc:h2:mem:quiz-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        List<StompSession> sessions = new ArrayList<>();
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Visitor teacher = new Visitor(port);
            teacher.login(INSTRUCTOR, PASSWORD);
            var made = teacher.post("/api/classes", "{\"name\": \"benchmark class\"}").json();
            long classId = made.get("id").asLong();
            String topic = new LiveDestination.QuizTopic(classId).destination();

            Arrivals arrivals = new Arrivals(students);
            for (int i = 0; i < students; i++) {
                Visitor student = new Visitor(port);
                if (student.join(made.get("code").asText(), "Student " + i).status() != 302) {
                    throw new IllegalStateException("student " + i + " could not join");
                }
                WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
                handshake.add("Cookie", student.cookieHeader());
                StompSession session = stomp.connectAsync("ws://localhost:" + port + "/ws", handshake,
                        new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
                int index = i;
                session.subscribe(topic, new StompFrameHandler() {
                    @Override
                    public Type getPayloadType(StompHeaders headers) {
                        return byte[].class;
                    }

                    @Override
                    public void handleFrame(StompHeaders headers, Object payload) {
                        arrivals.arrived(index);
                    }
                });
                sessions.add(session);
            }
            Api.sleep(1000); // every subscription is in place

            String question = "{\"text\": \"What do 1875 and 313 correspond to?\", \"choices\": [\"steps per epoch and"
                    + " test batches\", \"epochs and layers\", \"neurons and parameters\"], \"correct\": [0],"
                    + " \"explanation\": \"60000 / 32 = 1875 training steps; 10000 / 32 = 313 test batches\"}";
            int bytes = 0;
            long[] launched = new long[rounds * students];
            long[] fullClass = new long[rounds];
            long[] post = new long[rounds];
            for (int r = 0; r < rounds + 3; r++) { // three rounds to warm up, not counted
                arrivals.reset();
                long t0 = System.nanoTime();
                Api.Response answer = teacher.post("/api/classes/" + classId + "/quiz", question);
                long posted = System.nanoTime();
                if (answer.status() != 200) throw new IllegalStateException("launch: " + answer.text());
                bytes = answer.text().length();
                long[] times = arrivals.await(t0);
                if (r < 3) continue;
                int k = r - 3;
                System.arraycopy(times, 0, launched, k * students, students);
                fullClass[k] = Arrays.stream(times).max().orElse(0);
                post[k] = posted - t0;
                Api.sleep(200);
            }

            // the floor: the same sessions, a message put on the topic directly
            SimpMessagingTemplate broker = app.getBean(SimpMessagingTemplate.class);
            byte[] body = new byte[bytes];
            Arrays.fill(body, (byte) 'x');
            long[] floor = new long[rounds * students];
            for (int r = 0; r < rounds + 3; r++) {
                arrivals.reset();
                long t0 = System.nanoTime();
                broker.send(topic, org.springframework.messaging.support.MessageBuilder.withPayload(body).build());
                long[] times = arrivals.await(t0);
                if (r >= 3) System.arraycopy(times, 0, floor, (r - 3) * students, students);
                Api.sleep(200);
            }

            Arrays.sort(launched);
            Arrays.sort(fullClass);
            Arrays.sort(post);
            Arrays.sort(floor);
            Figures.print("quiz_students", students);
            Figures.print("quiz_rounds", rounds);
            Figures.print("quiz_launch_to_received_ms_p50", ms(Figures.percentile(launched, 0.5)));
            Figures.print("quiz_launch_to_received_ms_p99", ms(Figures.percentile(launched, 0.99)));
            Figures.print("quiz_launch_to_received_ms_max", ms(launched[launched.length - 1]));
            Figures.print("quiz_full_class_ms_median", ms(Figures.percentile(fullClass, 0.5)));
            Figures.print("quiz_full_class_ms_max", ms(fullClass[fullClass.length - 1]));
            Figures.print("quiz_launch_post_ms_median", ms(Figures.percentile(post, 0.5)));
            Figures.print("quiz_floor_topic_to_received_ms_p50", ms(Figures.percentile(floor, 0.5)));
            Figures.print("quiz_floor_topic_to_received_ms_p99", ms(Figures.percentile(floor, 0.99)));
            Figures.print("quiz_floor_topic_to_received_ms_max", ms(floor[floor.length - 1]));
            Figures.print("load_average", String.format("%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        } finally {
            sessions.forEach(s -> {
                try {
                    s.disconnect();
                } catch (RuntimeException ignored) {
                    // closing anyway
                }
            });
            stomp.stop();
            app.close();
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** When each student's session got the round's message (nanoTime), and a latch for the whole class. */
    private static final class Arrivals {
        private final AtomicLongArray at;
        private volatile CountDownLatch all;

        Arrivals(int students) {
            at = new AtomicLongArray(students);
        }

        void reset() {
            for (int i = 0; i < at.length(); i++) at.set(i, 0);
            all = new CountDownLatch(at.length());
        }

        void arrived(int student) {
            if (at.compareAndSet(student, 0, System.nanoTime())) all.countDown();
        }

        /** Each student's time from t0 to arrival. */
        long[] await(long t0) throws InterruptedException {
            if (!all.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("not every student got the message");
            long[] times = new long[at.length()];
            for (int i = 0; i < times.length; i++) times[i] = at.get(i) - t0;
            return times;
        }
    }
}
