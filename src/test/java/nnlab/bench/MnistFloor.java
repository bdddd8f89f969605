package nnlab.bench;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.presets.openblas_nolapack;

/**
 * The floor of a dense network's training epoch: its matrix products alone, through the OpenBLAS the engine
 * calls, one thread, nothing else. Per step, for every layer, the forward product a·W and the weight
 * gradient aᵀ·δ, and for every layer but the first the back-propagated δ·Wᵀ; one step per batch, the
 * last one partial if the examples do not divide evenly.
 */
final class MnistFloor implements AutoCloseable {

    private final int[] widths;
    private final int batch;
    private final int examples;
    private final FloatPointer[] weights;
    private final FloatPointer[] weightGradients;
    private final FloatPointer[] activations;
    private final FloatPointer[] deltas;

    /** widths: inputs, then each layer's units. */
    MnistFloor(int[] widths, int batch, int examples) {
        openblas_nolapack.blas_set_num_threads(1);
        this.widths = widths;
        this.batch = batch;
        this.examples = examples;
        int layers = widths.length - 1;
        SplittableRandom rng = new SplittableRandom(1);
        weights = new FloatPointer[layers];
        weightGradients = new FloatPointer[layers];
        activations = new FloatPointer[widths.length];
        deltas = new FloatPointer[widths.length];
        for (int l = 0; l < widths.length; l++) {
            activations[l] = filled(batch * widths[l], rng);
            deltas[l] = filled(batch * widths[l], rng);
        }
        for (int l = 0; l < layers; l++) {
            weights[l] = filled(widths[l] * widths[l + 1], rng);
            weightGradients[l] = new FloatPointer((long) widths[l] * widths[l + 1]);
        }
    }

    private static FloatPointer filled(int n, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rng.nextDouble() - 0.5);
        return new FloatPointer(v);
    }

    double epochSeconds() {
        long start = System.nanoTime();
        for (int from = 0; from < examples; from += batch) step(Math.min(batch, examples - from));
        return (System.nanoTime() - start) / 1e9;
    }

    private void step(int rows) {
        int layers = widths.length - 1;
        for (int l = 0; l < layers; l++) {
            openblas.cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, widths[l + 1], widths[l], 1f,
                    activations[l], widths[l], weights[l], widths[l + 1], 0f, activations[l + 1], widths[l + 1]);
        }
        for (int l = layers - 1; l >= 0; l--) {
            openblas.cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, widths[l], widths[l + 1], rows, 1f,
                    activations[l], widths[l], deltas[l + 1], widths[l + 1], 0f, weightGradients[l], widths[l + 1]);
            if (l > 0) {
                openblas.cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, widths[l], widths[l + 1], 1f,
                        deltas[l + 1], widths[l + 1], weights[l], widths[l + 1], 0f, deltas[l], widths[l]);
            }
        }
    }

    @Override
    public void close() {
        for (FloatPointer p : weights) p.close();
        for (FloatPointer p : weightGradients) p.close();
        for (FloatPointer p : activations) p.close();
        for (FloatPointer p : deltas) p.close();
    }
}
