package nnlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nnlab.data.DatasetSpec;
import nnlab.data.Datasets;
import nnlab.data.PreparedDataset;
import nnlab.engine.Activation;
import nnlab.engine.DataSplit;
import nnlab.engine.EpochReport;
import nnlab.engine.Initializer;
import nnlab.engine.LayerSpec;
import nnlab.engine.Loss;
import nnlab.engine.NetworkSpec;
import nnlab.engine.Optimizer;
import nnlab.engine.Training;
import nnlab.engine.TrainingConfig;
import nnlab.engine.TrainingListener;

/**
 * The engine's speed, printed as name=value lines: run on purpose (README, "Benchmarks"), never as a test.
 * Arguments: [mnistEpochs (default 5)] [secondsPerTinyRun (default 5)].
 */
public final class EngineBenchmark {

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Epochs per second of the thread's CPU time in the last tiny run: steadier than wall time on a shared machine. */
    private static volatile double lastTinyCpuRate;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mnistEpochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double tinySeconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        double ours = mnist(mnistEpochs);
        pytorchPeer(mnistEpochs, ours);
        double tiny = tinyEpochsPerSecond(tinySeconds, 1).get(0);
        Figures.print("tiny_epochs_per_second", tiny);
        Figures.print("tiny_epochs_per_cpu_second", lastTinyCpuRate);
        List<Double> classroom = tinyEpochsPerSecond(tinySeconds * 2, 30);
        Figures.print("classroom_jobs", 30);
        Figures.print("classroom_epochs_per_second_min", classroom.stream().mapToDouble(d -> d).min().orElseThrow());
        Figures.print("classroom_epochs_per_second_mean", classroom.stream().mapToDouble(d -> d).average().orElseThrow());
    }

    /**
     * The lecture's model: 784-128-64-10, Adam 1e-3, batch 32, inputs in [0, 1]. Before each epoch the
     * floor runs once: the epoch's matrix products alone (see {@link MnistFloor}), so that both are measured
     * under the same load. Beside wall-clock seconds, the thread's CPU seconds: on a machine shared with
     * other work their ratio is the steadier figure.
     */
    static double mnist(int epochs) {
        long start = System.nanoTime();
        DataSplit split = Datasets.prepare(DatasetSpec.of(Datasets.MNIST), 42).split(); // pixels / 255
        Figures.print("mnist_load_seconds", (System.nanoTime() - start) / 1e9);
        NetworkSpec spec = new NetworkSpec(784, List.of(LayerSpec.dense(128, Activation.RELU),
                LayerSpec.dense(64, Activation.RELU), LayerSpec.dense(10, Activation.SOFTMAX)), Initializer.GLOROT);
        TrainingConfig cfg = TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Optimizer.adam(1e-3), 32, epochs);
        List<EpochReport> reports = new ArrayList<>();
        List<Double> floors = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> floorCpu = new ArrayList<>();
        try (Training t = Training.create(spec, cfg, split, 42);
             MnistFloor floor = new MnistFloor(new int[] {784, 128, 64, 10}, 32, split.train().count())) {
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onEpoch(EpochReport r) {
                    reports.add(r);
                    System.out.printf("# mnist epoch %d: %d steps, %.3f s (floor %.3f s), loss %.4f, accuracy %.4f, test accuracy %.4f%n",
                            r.epoch(), r.steps(), r.seconds(), floors.get(floors.size() - 1), r.train().loss(),
                            r.train().accuracy(), r.test().accuracy());
                }
            };
            while (t.stopReason() == null) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                floors.add(floor.epochSeconds());
                long c1 = THREADS.getCurrentThreadCpuTime();
                if (t.runEpoch(listener) == null) break;
                long c2 = THREADS.getCurrentThreadCpuTime();
                floorCpu.add((c1 - c0) / 1e9);
                cpu.add((c2 - c1) / 1e9);
            }
            Figures.print("mnist_backend", t.backend());
        }
        // the first epoch includes the JIT's warm-up; report the best, the median and the mean of all
        double[] seconds = reports.stream().mapToDouble(EpochReport::seconds).toArray();
        double best = Arrays.stream(seconds).min().orElseThrow();
        double bestFloor = floors.stream().mapToDouble(d -> d).min().orElseThrow();
        Figures.print("mnist_epoch_seconds", best);
        Figures.print("mnist_epoch_seconds_median", median(seconds));
        Figures.print("mnist_epoch_seconds_mean", Arrays.stream(seconds).average().orElseThrow());
        Figures.print("mnist_floor_seconds", bestFloor);
        Figures.print("mnist_floor_seconds_median", median(floors.stream().mapToDouble(d -> d).toArray()));
        Figures.print("mnist_floor_ratio", best / bestFloor);
        double bestCpu = cpu.stream().mapToDouble(d -> d).min().orElseThrow();
        double bestFloorCpu = floorCpu.stream().mapToDouble(d -> d).min().orElseThrow();
        Figures.print("mnist_epoch_cpu_seconds", bestCpu);
        Figures.print("mnist_floor_cpu_seconds", bestFloorCpu);
        Figures.print("mnist_floor_cpu_ratio", bestCpu / bestFloorCpu);
        Figures.print("mnist_steps_per_epoch", reports.get(0).steps());
        Figures.print("mnist_test_accuracy", reports.get(reports.size() - 1).test().accuracy());
        return best;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Runs bench/pytorch_mnist.py in the same run, when Debian's python3-torch is installed. */
    static void pytorchPeer(int epochs, double oursSeconds) throws Exception {
        java.nio.file.Path script = java.nio.file.Path.of("bench", "pytorch_mnist.py");
        if (!java.nio.file.Files.exists(java.nio.file.Path.of("/usr/bin/python3")) || !java.nio.file.Files.exists(script)) {
            System.out.println("# pytorch peer skipped: /usr/bin/python3 or bench/pytorch_mnist.py missing");
            return;
        }
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "src/main/resources/datasets/mnist",
                String.valueOf(epochs)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            System.out.println("# pytorch peer failed (apt-get install python3-torch): " + out.lines().reduce((a, b) -> b).orElse(""));
            return;
        }
        System.out.print(out);
        out.lines().filter(l -> l.startsWith("pytorch_mnist_epoch_seconds=")).findFirst().ifPresent(l ->
                Figures.print("mnist_speedup_vs_pytorch", Double.parseDouble(l.substring(l.indexOf('=') + 1)) / oursSeconds));
    }

    /** 2-8-8-1 tanh with a sigmoid output on the playground's circle (500 points, ratio 50 %), batch 10, SGD. */
    static List<Double> tinyEpochsPerSecond(double seconds, int jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<Double>> results = new ArrayList<>();
            for (int j = 0; j < jobs; j++) {
                long seed = j;
                results.add(pool.submit(() -> tinyRun(seconds, seed)));
            }
            List<Double> rates = new ArrayList<>();
            for (Future<Double> f : results) rates.add(f.get());
            return rates;
        } finally {
            pool.shutdown();
        }
    }

    private static double tinyRun(double seconds, long seed) {
        PreparedDataset data = Datasets.prepare(DatasetSpec.playground("circle").withTrainRatio(0.5), seed);
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.dense(8, Activation.TANH),
                LayerSpec.dense(8, Activation.TANH), LayerSpec.dense(1, Activation.SIGMOID)), Initializer.UNIFORM);
        TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.sgd(0.03), 10, Integer.MAX_VALUE / 2)
                .withEvaluateTrain(true);
        try (Training t = Training.create(spec, cfg, data.split(), seed,
                new nnlab.engine.EngineLimits(64, 4096, Integer.MAX_VALUE, 100_000, 20_000_000, 10_000))) {
            for (int i = 0; i < 200; i++) t.runEpoch(TrainingListener.NONE); // warm-up
            long start = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long limit = (long) (seconds * 1e9);
            int epochs = 0;
            while (System.nanoTime() - start < limit) {
                t.runEpoch(TrainingListener.NONE);
                epochs++;
            }
            lastTinyCpuRate = epochs / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
            return epochs / ((System.nanoTime() - start) / 1e9);
        }
    }
}
