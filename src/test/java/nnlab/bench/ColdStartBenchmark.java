package nnlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnlab.support.Api;

/**
 * A newcomer's first minute: starts the server jar as a process of its own on a fresh, empty data folder
 * (no database, no native libraries unpacked), waits until it answers, posts the lecture's MNIST job and
 * waits for its first epoch. Prints name=value lines: seconds from the launch to a healthy server, from the
 * POST to the first epoch, and from the launch to the first epoch. Arguments: the jar [, runs (default 1)].
 */
public final class ColdStartBenchmark {

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int run = 1; run <= runs; run++) once(jar, run);
    }

    private static void once(Path jar, int run) throws Exception {
        Path data = Files.createTempDirectory("nnlab-cold-start");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(List.of("java", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--nnlab.data-dir=" + data, "--spring.main.banner-mode=off"))
                .directory(data.toFile()).redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        long launched = System.nanoTime();
        Process server = pb.start();
        try {
            Api api = new Api(port);
            while (!healthy(api)) {
                if (!server.isAlive()) throw new IllegalStateException("the server ended: see " + data.resolve("server.log"));
                Thread.sleep(20);
            }
            double ready = seconds(launched);
            long posted = System.nanoTime();
            String id = api.submit(Figures.lectureMnist(1), "cold-start-benchmark");
            JsonNode job = api.job(id);
            while (job.path("epochsDone").asInt() < 1) {
                if (job.path("status").asText().matches("FAILED|CANCELLED|INTERRUPTED")) {
                    throw new IllegalStateException("job ended: " + job);
                }
                Thread.sleep(5);
                job = api.job(id);
            }
            System.out.printf("# run %d, data folder %s, started in it: GET /labs/04-xor answers %d%n", run, data,
                    api.get("/labs/04-xor").status());
            Figures.print("cold_start_ready_seconds", ready);
            Figures.print("cold_start_first_epoch_after_post_seconds", seconds(posted));
            Figures.print("cold_start_first_epoch_after_launch_seconds", seconds(launched));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static boolean healthy(Api api) {
        try {
            return api.get("/actuator/health").status() == 200;
        } catch (AssertionError e) {
            return false; // not listening yet (Api reports a refused connection as an AssertionError)
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
