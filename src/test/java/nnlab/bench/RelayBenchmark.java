package nnlab.bench;

import nnlab.support.TwoInstances;

/**
 * What the shared broker costs, printed as name=value lines: run on purpose (README, "Several instances"), never as
 * a test. The same class as {@link LoadBenchmark} (students' playground jobs, STOMP subscribers checking every
 * epoch once and in order, the publish-to-subscriber latency from the {@code nnlab-published-at} header, one JVM
 * clock), on one of two instances that relay through an embedded ActiveMQ Artemis and share an embedded
 * PostgreSQL: each epoch goes from the instance to the broker and back before it reaches a subscriber; or, for
 * comparison, on one instance with the in-memory broker (H2 in a temporary folder).
 *
 * <p>Arguments: relay|memory [students (10)] [subscribers (50)] [epochs (200)] [grid resolution (0)].
 */
public final class RelayBenchmark {

    private RelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean relay = args.length == 0 || args[0].equals("relay");
        int students = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int subscribers = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int grid = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        if (!relay) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("nnlab-relay-bench");
            // as arguments, which come before application.properties
            try (var server = new org.springframework.boot.builder.SpringApplicationBuilder(nnlab.NnlabApplication.class)
                    .run("--server.port=0", "--nnlab.data-dir=" + dir, "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN", "--management.endpoint.health.show-details=always",
                            "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("nnlab") + ";DB_CLOSE_ON_EXIT=FALSE",
                            "--nnlab.jobs.queue-capacity=" + (students + 8))) {
                Figures.print("broker", "in-memory");
                LoadBenchmark.run(((org.springframework.boot.web.context.WebServerApplicationContext) server)
                        .getWebServer().getPort(), students, subscribers, epochs, grid);
            }
            System.exit(0);
        }
        try (TwoInstances instances = new TwoInstances("relay_bench", "spring.main.banner-mode=off",
                "logging.level.root=WARN", "management.endpoint.health.show-details=always",
                "nnlab.jobs.queue-capacity=" + (students + 8))) {
            Figures.print("broker", "artemis-embedded-relay");
            LoadBenchmark.run(instances.portB(), students, subscribers, epochs, grid);
        } finally {
            System.exit(0);
        }
    }
}
