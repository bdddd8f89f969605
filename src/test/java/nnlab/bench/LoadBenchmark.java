package nnlab.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nnlab.NnlabApplication;
import nnlab.support.Api;
import nnlab.jobs.web.InProcessMetricPublisher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A class on one server, printed as name=value lines: run on purpose (README, "Benchmarks"), never as a
 * test. Starts the server in this JVM on a random port (H2 in a temporary directory, default workers),
 * lets each simulated student submit a playground job (paused at the start, as the playground does),
 * opens the STOMP subscribers over WebSocket, spread over the jobs, then resumes every job at once.
 * Each subscriber checks that after its snapshot it got every epoch exactly once, in order, and the
 * final status; the time from the server's publish (header {@code nnlab-published-at}, same JVM clock)
 * to the subscriber is the epoch-to-client latency.
 *
 * <p>Arguments: [students (30)] [subscribers (200)] [epochs (300)] [grid resolution (50; 0 = no
 * heatmaps or weights)]; or {@code paced} [students (60)] [epochs per second (30)] [window seconds (20)] for a class
 * playing paced jobs as the playground does ({@link PacedClass}).
 */
public final class LoadBenchmark {

    private static final JsonFactory JSON = new JsonFactory();

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("paced")) {
            paced(args);
            return;
        }
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int subscribers = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int grid = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        Path dir = Files.createTempDirectory("nnlab-load");
        ConfigurableApplicationContext server = new SpringApplicationBuilder(NnlabApplication.class)
                .properties("server.port=0", "nnlab.data-dir=" + dir, "spring.main.banner-mode=off",
                        "logging.level.root=WARN", "management.endpoint.health.show-details=always",
                        "spring.datasource.url=jdbc:h2:file:" + dir.resolve("nnlab") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "nnlab.jobs.queue-capacity=" + (students + 8))
                .run();
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        try {
            run(port, students, subscribers, epochs, grid);
        } finally {
            server.close();
        }
        System.exit(0);
    }

    private static void paced(String[] args) throws Exception {
        int students = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        double pace = args.length > 2 ? Double.parseDouble(args[2]) : 30;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        ConfigurableApplicationContext server = start(students);
        try {
            PacedClass.run(((WebServerApplicationContext) server).getWebServer().getPort(), students, pace, seconds);
        } finally {
            server.close();
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(int students) throws IOException {
        Path dir = Files.createTempDirectory("nnlab-load");
        return new SpringApplicationBuilder(NnlabApplication.class)
                .properties("server.port=0", "nnlab.data-dir=" + dir, "spring.main.banner-mode=off",
                        "logging.level.root=WARN", "management.endpoint.health.show-details=always",
                        "spring.datasource.url=jdbc:h2:file:" + dir.resolve("nnlab") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "nnlab.jobs.queue-capacity=" + (students + 8))
                .run();
    }

    static void run(int port, int students, int subscriberCount, int epochs, int grid) throws Exception {
        Api api = new Api(port);
        Figures.print("students", students);
        Figures.print("subscribers", subscriberCount);
        Figures.print("epochs_per_job", epochs);
        Figures.print("grid_resolution", grid);
        Figures.print("workers", api.get("/actuator/health").json().get("components").get("jobs").get("details")
                .get("workers").asInt());
        String[] jobs = new String[students];
        for (int s = 0; s < students; s++) jobs[s] = api.submit(spec(epochs, grid, s), "student:" + s);

        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(512 * 1024); // per session: the largest message (a 50² grid per neuron) fits
        container.setDefaultMaxBinaryMessageBufferSize(64 * 1024);
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setInboundMessageSizeLimit(512 * 1024);
        List<Subscriber> subs = new ArrayList<>();
        for (int i = 0; i < subscriberCount; i++) {
            Subscriber sub = new Subscriber(jobs[i % students], epochs);
            sub.open(client, port);
            subs.add(sub);
        }
        for (Subscriber sub : subs) sub.awaitSnapshot();
        for (String id : jobs) api.awaitJob(id, j -> !j.get("status").asText().equals("QUEUED"), java.time.Duration.ofMinutes(2));

        long start = System.nanoTime();
        long[] resumed = new long[students];
        for (int s = 0; s < students; s++) {
            resumed[s] = System.nanoTime();
            Api.Response r = api.post("/api/jobs/" + jobs[s] + "/resume", "");
            if (r.status() != 200) throw new IllegalStateException("resume answered " + r.status() + ": " + r.text());
        }
        for (Subscriber sub : subs) {
            if (!sub.done.await(10, TimeUnit.MINUTES)) throw new IllegalStateException("a subscriber got no final status");
        }
        double wall = (System.nanoTime() - start) / 1e9;

        double slowestTraining = Double.MAX_VALUE;
        double slowestWall = Double.MAX_VALUE;
        for (int s = 0; s < students; s++) {
            var job = api.job(jobs[s]);
            if (!job.get("status").asText().equals("SUCCEEDED")) throw new IllegalStateException("job " + job);
            double trained = job.get("last").get("elapsedSeconds").asDouble();
            slowestTraining = Math.min(slowestTraining, epochs / trained);
            long finished = Long.MAX_VALUE;
            for (Subscriber sub : subs) if (sub.jobId.equals(jobs[s])) finished = Math.min(finished, sub.finalNanos);
            slowestWall = Math.min(slowestWall, epochs / ((finished - resumed[s]) / 1e9));
        }
        long[] latencies = subs.stream().flatMapToLong(sub -> sub.latencies.stream().mapToLong(Long::longValue))
                .sorted().toArray();
        long lost = subs.stream().mapToLong(Subscriber::lost).sum();
        long duplicates = subs.stream().mapToLong(Subscriber::duplicates).sum();
        long outOfOrder = subs.stream().mapToLong(sub -> sub.outOfOrder).sum();
        long finals = subs.stream().filter(sub -> sub.finalStatus != null && sub.finalStatus.equals("SUCCEEDED")).count();
        Figures.print("wall_seconds", wall);
        Figures.print("all_epochs_per_second", students * (double) epochs / wall);
        Figures.print("slowest_job_epochs_per_second_training", slowestTraining);
        Figures.print("slowest_job_epochs_per_second_from_resume", slowestWall);
        Figures.print("epoch_messages_received", latencies.length);
        Figures.print("megabytes_received", subs.stream().mapToLong(sub -> sub.bytes.get()).sum() / 1e6);
        Figures.print("latency_ms_p50", Figures.percentile(latencies, 0.50) / 1000.0);
        Figures.print("latency_ms_p99", Figures.percentile(latencies, 0.99) / 1000.0);
        Figures.print("latency_ms_max", latencies.length == 0 ? 0.0 : latencies[latencies.length - 1] / 1000.0);
        Figures.print("lost_epochs", lost);
        Figures.print("duplicate_epochs", duplicates);
        Figures.print("out_of_order_epochs", outOfOrder);
        Figures.print("subscribers_with_final_status", finals + "/" + subs.size());
        Figures.print("messages_lost", lost + duplicates + outOfOrder + (subs.size() - finals) == 0 ? "no" : "yes");
        for (Subscriber sub : subs) sub.close();
        client.stop();
    }

    /**
     * What the playground sends by default: circle, two hidden layers of 4 and 2 tanh units, a sigmoid
     * output, SGD, paused at the start, weights and per-neuron heatmaps in the live messages.
     */
    private static String spec(int epochs, int grid, int seed) {
        String output = grid > 0
                ? ", \"output\": {\"weights\": true, \"grid\": {\"resolution\": " + grid + ", \"neurons\": true}}" : "";
        return """
                {"dataset": {"name": "playground", "kind": "circle", "noise": 0.1, "trainRatio": 0.5},
                 "model": {"layers": [{"units": 4, "activation": "tanh"}, {"units": 2, "activation": "tanh"},
                                      {"units": 1, "activation": "sigmoid"}], "init": "uniform"},
                 "training": {"optimizer": "sgd", "learningRate": 0.03, "batchSize": 10, "epochs": %d,
                              "loss": "binary_crossentropy"},
                 "seed": %d, "startPaused": true%s}""".formatted(epochs, seed, output);
    }

    /** One STOMP session following one job, checking what it gets. */
    private static final class Subscriber {
        final String jobId;
        final int epochs;
        final CountDownLatch snapshot = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        final List<Long> latencies = new ArrayList<>();
        final AtomicLong bytes = new AtomicLong();
        final int[] seen;
        int lastSnapshotEpoch;
        int lastLive;
        long outOfOrder;
        volatile String finalStatus;
        volatile long finalNanos;
        StompSession session;

        Subscriber(String jobId, int epochs) {
            this.jobId = jobId;
            this.epochs = epochs;
            this.seen = new int[epochs + 1];
        }

        void open(WebSocketStompClient client, int port) throws Exception {
            session = client.connectAsync("ws://localhost:" + port + "/ws", new StompSessionHandlerAdapter() { })
                    .get(30, TimeUnit.SECONDS);
            session.subscribe("/topic/jobs/" + jobId, new Frames() {
                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    live(headers, (byte[]) payload);
                }
            });
            session.subscribe("/app/jobs/" + jobId, new Frames() {
                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    snapshot((byte[]) payload);
                }
            });
        }

        void awaitSnapshot() throws InterruptedException {
            if (!snapshot.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("no snapshot for " + jobId);
        }

        /** The snapshot's last epoch: live epochs up to it may come twice and are dropped, as pages do. */
        private void snapshot(byte[] payload) {
            int last = 0;
            try (JsonParser p = JSON.createParser(payload)) {
                while (p.nextToken() != null) {
                    if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("epoch")) {
                        p.nextToken();
                        last = Math.max(last, p.getIntValue());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            synchronized (this) {
                lastSnapshotEpoch = last;
                lastLive = Math.max(lastLive, last);
            }
            snapshot.countDown();
        }

        private void live(StompHeaders headers, byte[] payload) {
            long received = Figures.nowMicros();
            bytes.addAndGet(payload.length);
            String type = null;
            String status = null;
            int epoch = -1;
            try (JsonParser p = JSON.createParser(payload)) { // the first fields only: type, jobId, epoch or status
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME && (type == null || (epoch < 0 && status == null))) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "type" -> type = p.getText();
                        case "epoch" -> epoch = p.getIntValue();
                        case "status" -> status = p.getText();
                        default -> p.skipChildren();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            synchronized (this) {
                if ("epoch".equals(type) && epoch >= 1 && epoch <= epochs) {
                    String sent = headers.getFirst(InProcessMetricPublisher.PUBLISHED_AT);
                    if (sent != null) latencies.add(received - Long.parseLong(sent));
                    if (epoch > lastSnapshotEpoch) {
                        seen[epoch]++;
                        if (epoch != lastLive + 1 && seen[epoch] == 1) outOfOrder++;
                        lastLive = Math.max(lastLive, epoch);
                    }
                } else if ("status".equals(type) && status != null && List.of("SUCCEEDED", "FAILED", "CANCELLED",
                        "INTERRUPTED").contains(status)) {
                    finalStatus = status;
                    finalNanos = System.nanoTime();
                    done.countDown();
                }
            }
        }

        synchronized long lost() {
            return Arrays.stream(seen, lastSnapshotEpoch + 1, epochs + 1).filter(n -> n == 0).count();
        }

        synchronized long duplicates() {
            return Arrays.stream(seen, lastSnapshotEpoch + 1, epochs + 1).filter(n -> n > 1).map(n -> n - 1).sum();
        }

        void close() {
            try {
                session.disconnect();
            } catch (RuntimeException e) {
                // gone already
            }
        }
    }

    private abstract static class Frames implements StompFrameHandler {
        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }
    }
}
