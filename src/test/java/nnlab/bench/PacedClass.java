package nnlab.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nnlab.jobs.web.InProcessMetricPublisher;
import nnlab.support.Api;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * {@link LoadBenchmark}'s paced mode: a class of students who each play the playground's default network at a pace,
 * granting epochs exactly as the page does (frontend/playground/job.js: the epoch the page's clock reached and the
 * next, never more than one past the last epoch received, the page's clock at most 1/5 s ahead, at every 60 Hz
 * tick and as each epoch arrives), each on
 * its own WebSocket. After a warm-up it counts, per student, the epochs received in a window against the pace, the
 * bytes and messages received, and the time from the server's publish ({@code nnlab-published-at}) to arrival.
 */
final class PacedClass {

    private static final JsonFactory JSON = new JsonFactory();
    private static final long TICK_MICROS = 16_667;

    private PacedClass() {
    }

    static void run(int port, int students, double pace, int seconds) throws Exception {
        Api api = new Api(port);
        Figures.print("mode", "paced");
        Figures.print("students", students);
        Figures.print("pace_epochs_per_second", pace);
        Figures.print("window_seconds", seconds);
        Figures.print("cores", Runtime.getRuntime().availableProcessors()); // the server's workers: one per core
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(512 * 1024);
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setInboundMessageSizeLimit(512 * 1024);
        List<Student> all = new ArrayList<>();
        for (int s = 0; s < students; s++) {
            String id = api.submit(spec(s), "paced-student-" + s);
            Student student = new Student(id, pace);
            student.open(client, port);
            all.add(student);
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        for (Student s : all) s.play(start);
        clock.scheduleAtFixedRate(() -> all.forEach(Student::tick), 0, TICK_MICROS, TimeUnit.MICROSECONDS);
        Thread.sleep(3000); // warm-up: first epochs, data sets prepared, JIT
        all.forEach(Student::startWindow);
        long windowStart = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        all.forEach(Student::endWindow);
        double window = (System.nanoTime() - windowStart) / 1e9;
        clock.shutdownNow();

        double[] rates = all.stream().mapToDouble(s -> s.windowEpochs / window).sorted().toArray();
        double[] bytes = all.stream().mapToDouble(s -> s.windowBytes / window).sorted().toArray();
        double[] messages = all.stream().mapToDouble(s -> s.windowMessages / window).sorted().toArray();
        long[] latencies = all.stream().flatMapToLong(s -> s.latencies.stream().mapToLong(Long::longValue)).sorted()
                .toArray();
        Figures.print("epochs_per_second_per_student_min", rates[0]);
        Figures.print("epochs_per_second_per_student_median", rates[rates.length / 2]);
        Figures.print("percent_of_pace_min", 100 * rates[0] / pace);
        Figures.print("students_at_95_percent_of_pace", Arrays.stream(rates).filter(r -> r >= 0.95 * pace).count() + "/"
                + students);
        Figures.print("latency_ms_p50", Figures.percentile(latencies, 0.50) / 1000.0);
        Figures.print("latency_ms_p99", Figures.percentile(latencies, 0.99) / 1000.0);
        Figures.print("latency_ms_max", latencies.length == 0 ? 0.0 : latencies[latencies.length - 1] / 1000.0);
        Figures.print("bytes_per_second_per_student_median", bytes[bytes.length / 2]);
        Figures.print("bytes_per_second_per_student_max", bytes[bytes.length - 1]);
        Figures.print("messages_per_second_per_student_median", messages[messages.length / 2]);
        Figures.print("messages_per_second_per_student_max", messages[messages.length - 1]);
        for (Student s : all) {
            s.close();
            api.delete("/api/jobs/" + s.jobId);
        }
        client.stop();
    }

    /** What the playground submits by default: circle, 4-2 tanh, sigmoid, SGD, paced, grids as bytes. */
    private static String spec(int seed) {
        return """
                {"dataset": {"name": "playground", "kind": "circle", "noise": 0.1, "trainRatio": 0.5, "seed": 1},
                 "model": {"layers": [{"units": 4, "activation": "tanh"}, {"units": 2, "activation": "tanh"},
                                      {"units": 1, "activation": "sigmoid"}], "init": "uniform"},
                 "training": {"optimizer": "sgd", "learningRate": 0.03, "batchSize": 10, "epochs": 10000,
                              "loss": "binary_crossentropy"},
                 "output": {"weights": true, "grid": {"resolution": 50, "neurons": true, "neuronResolution": 25,
                            "encoding": "bytes"}},
                 "seed": %d, "pace": {"until": 0}}""".formatted(seed + 1);
    }

    /** One student's page: its clock, its grants, what it received. */
    private static final class Student {
        final String jobId;
        final double pace;
        final List<Long> latencies = new ArrayList<>();
        StompSession session;
        long start;
        double target;
        long lastTick;
        int shown;
        int granted;
        boolean counting;
        int windowFirst;
        long bytes;
        long messages;
        long bytesAtStart;
        long messagesAtStart;
        long windowEpochs;
        long windowBytes;
        long windowMessages;

        Student(String jobId, double pace) {
            this.jobId = jobId;
            this.pace = pace;
        }

        void open(WebSocketStompClient client, int port) throws Exception {
            session = client.connectAsync("ws://localhost:" + port + "/ws", new StompSessionHandlerAdapter() { })
                    .get(30, TimeUnit.SECONDS);
            session.subscribe("/topic/jobs/" + jobId, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    received(headers, (byte[]) payload);
                }
            });
        }

        synchronized void play(long startNanos) {
            start = startNanos;
            lastTick = startNanos;
            tick();
        }

        /**
         * The page's rule: the epoch its clock reached and the next, at most one past what it shows; the clock may be
         * 1/5 s of epochs ahead (a late epoch is caught up with).
         */
        synchronized void tick() {
            long now = System.nanoTime();
            double dt = Math.min(0.25, (now - lastTick) / 1e9);
            lastTick = now;
            target = Math.min(target + dt * pace, shown + Math.max(1, pace / 5));
            int want = Math.min((int) Math.floor(target) + 1, shown + 1);
            if (want > granted) {
                granted = want;
                StompHeaders h = new StompHeaders();
                h.setDestination("/app/jobs/" + jobId);
                h.setContentType(MimeTypeUtils.APPLICATION_JSON);
                session.send(h, ("{\"until\": " + want + "}").getBytes(StandardCharsets.UTF_8));
            }
        }

        private void received(StompHeaders headers, byte[] payload) {
            long arrived = Figures.nowMicros();
            String type = null;
            int epoch = -1;
            try (JsonParser p = JSON.createParser(payload)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME && (type == null || epoch < 0)) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "type" -> type = p.getText();
                        case "epoch" -> epoch = p.getIntValue();
                        default -> p.skipChildren();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            synchronized (this) {
                bytes += payload.length;
                messages++;
                if (!"epoch".equals(type)) return;
                if (counting) {
                    String sent = headers.getFirst(InProcessMetricPublisher.PUBLISHED_AT);
                    if (sent != null) latencies.add(arrived - Long.parseLong(sent));
                }
                if (epoch > shown) {
                    shown = epoch;
                    tick();
                }
            }
        }

        synchronized void startWindow() {
            counting = true;
            windowFirst = shown;
            bytesAtStart = bytes;
            messagesAtStart = messages;
        }

        synchronized void endWindow() {
            counting = false;
            windowEpochs = shown - windowFirst;
            windowBytes = bytes - bytesAtStart;
            windowMessages = messages - messagesAtStart;
        }

        void close() {
            try {
                session.disconnect();
            } catch (RuntimeException e) {
                // gone already
            }
        }
    }
}
