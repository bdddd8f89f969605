package nnlab.engine;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.presets.openblas_nolapack;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's process-wide settings. Each training job runs on one thread and ND4J gets one OpenMP and one
 * BLAS thread per call: measured on 2 cores, two threads made batch-32 operations 2–4× slower, and
 * jobs scale better side by side.
 */
public final class Nd4jRuntime {

    private static volatile boolean ready;

    private Nd4jRuntime() {
    }

    /**
     * Loads the native libraries a first job needs, unpacking them into JavaCPP's cache first if it is empty (85 MB
     * on a fresh data folder): OpenBLAS, which every large network's products use ({@link BlasKernel}). ND4J's own
     * library (323 MB) stays unloaded until a job asks for the ND4J kernel. Run at start-up on a thread of its own,
     * so that the first job does not wait; a job that starts sooner waits for the same libraries rather than loading
     * them twice (class initialisation and JavaCPP's loader are both locked).
     */
    public static void preload() {
        Loader.load(openblas.class); // the products of BlasKernel
        openblas_nolapack.blas_get_num_threads(); // its thread setting
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
