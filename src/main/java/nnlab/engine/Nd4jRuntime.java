package nnlab.engine;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's process-wide settings. Each training job runs on one thread and ND4J gets one OpenMP and one
 * BLAS thread per call: measured on 2 cores, two threads made batch-32 operations 2–4× slower, and
 * jobs scale better side by side.
 */
final class Nd4jRuntime {

    private static volatile boolean ready;

    private Nd4jRuntime() {
    }

    static void init() {
        if (ready) return;
        synchronized (Nd4jRuntime.class) {
            if (ready) return;
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.factory().blas().setMaxThreads(1);
            ready = true;
        }
    }
}
