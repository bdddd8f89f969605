package nnlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nnlab.NnlabApplication;
import nnlab.support.Api;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Through the server: from the POST of the lecture's MNIST job (60,000 training images, batch 32, Adam) to
 * the first epoch shown by {@code GET /api/jobs/{id}}, polled every 5 ms. Starts the server in this JVM on a
 * random port (H2 in a temporary directory); the first job also warms it (class loading, JIT, the data set),
 * the next ones are timed on a warm server. Prints name=value lines. Argument: [warm jobs (default 3)].
 */
public final class FirstEpochBenchmark {

    private FirstEpochBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmJobs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("nnlab-first-epoch");
        ConfigurableApplicationContext server = new SpringApplicationBuilder(NnlabApplication.class)
                .properties("server.port=0", "nnlab.data-dir=" + dir, "spring.main.banner-mode=off",
                        "logging.level.root=WARN",
                        "spring.datasource.url=jdbc:h2:file:" + dir.resolve("nnlab") + ";DB_CLOSE_ON_EXIT=FALSE")
                .run();
        try {
            Api api = new Api(((WebServerApplicationContext) server).getWebServer().getPort());
            Figures.print("server_first_epoch_seconds_cold", firstEpoch(api));
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < warmJobs; i++) warm.add(firstEpoch(api));
            warm.sort(null);
            Figures.print("server_first_epoch_seconds_warm_best", warm.get(0));
            Figures.print("server_first_epoch_seconds_warm_median", warm.get(warm.size() / 2));
        } finally {
            server.close();
        }
        System.exit(0);
    }

    /** Seconds from the POST to the first epoch in the job's status; then waits for the job to end. */
    private static double firstEpoch(Api api) throws InterruptedException {
        long start = System.nanoTime();
        String id = api.submit(Figures.lectureMnist(2), "first-epoch-benchmark");
        JsonNode job = api.job(id);
        while (job.path("epochsDone").asInt() < 1) {
            if (job.path("status").asText().matches("FAILED|CANCELLED|INTERRUPTED")) {
                throw new IllegalStateException("job ended: " + job);
            }
            Thread.sleep(5);
            job = api.job(id);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("# job %s: first epoch after %.3f s, %s, test accuracy %s%n", id, seconds,
                job.path("status").asText(), job.path("last").path("test").path("accuracy").asText());
        while (!job.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED|INTERRUPTED")) {
            Thread.sleep(50);
            job = api.job(id);
        }
        return seconds;
    }
}
