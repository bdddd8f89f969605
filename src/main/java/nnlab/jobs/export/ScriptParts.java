package nnlab.jobs.export;

import java.util.ArrayList;
import java.util.List;
import nnlab.engine.EarlyStopping;
import nnlab.engine.Weights;

/** The parts both frameworks' scripts share: the opening words, the imports of the data, the command line. */
final class ScriptParts {

    private ScriptParts() {
    }

    /** The docstring: what the script rebuilds, how to run it, what it needs, how close to nnlab's run it comes. */
    static void docstring(Py py, ExportPlan plan, Framework framework, String library, List<String> needs) {
        String file = plan.fileName(framework);
        py.line("\"\"\"nnlab job " + plan.jobId() + " as a " + library + " script.");
        py.blank();
        py.line("The network: " + plan.architecture() + " (" + String.format(java.util.Locale.ROOT, "%,d", plan.parameters())
                + " parameters).");
        py.line("Training: " + plan.optimizerWords() + ", loss " + plan.loss().id() + ".");
        py.blank();
        py.line("Run:    python3 " + file + (plan.data().source() == ExportedData.Source.CSV
                ? "                (reads " + plan.dataFileName() + " beside it)" : ""));
        py.line("With the job's trained weights, without training:");
        py.line("        python3 " + file + " --weights " + plan.weightsFileName() + " --evaluate-only");
        py.line("Needs:  " + String.join(", ", needs) + ".");
        py.blank();
        py.line("nnlab draws random numbers with its own generator: a run of this script starts from other initial");
        py.line("weights and shuffles in another order than the job did, so expect close, not identical, numbers.");
        py.line("The job's own weights (--weights) give the job's results.");
        py.line("\"\"\"");
    }

    static List<String> needs(ExportPlan plan, String... framework) {
        List<String> needs = new ArrayList<>(List.of(framework));
        needs.add("numpy");
        if (plan.data().source() == ExportedData.Source.IRIS) needs.add("scikit-learn");
        return needs;
    }

    /** The standard library and NumPy imports, and scikit-learn's for Iris. */
    static void dataImports(Py py, ExportPlan plan, boolean copy) {
        py.line("import argparse");
        if (copy) py.line("import copy");
        if (plan.data().source() == ExportedData.Source.CSV) py.line("import csv");
        py.line("import json");
        py.blank();
        py.line("import numpy as np");
    }

    static void irisImport(Py py, ExportPlan plan) {
        if (plan.data().source() == ExportedData.Source.IRIS) py.line("from sklearn.datasets import load_iris");
    }

    static void arguments(Py py, ExportPlan plan, String library) {
        py.blank();
        py.line("parser = argparse.ArgumentParser(description=\"nnlab job " + plan.jobId() + ", rebuilt in " + library + "\")");
        if (plan.data().source() == ExportedData.Source.CSV) {
            py.line("parser.add_argument(\"--data\", default=" + Py.string(plan.dataFileName())
                    + ", help=\"the job's examples (CSV)\")");
        }
        py.line("parser.add_argument(\"--weights\", help=\"start from the job's trained weights (" + plan.weightsFileName() + ")\")");
        py.line("parser.add_argument(\"--evaluate-only\", action=\"store_true\", help=\"evaluate without training\")");
        py.line("args = parser.parse_args()");
    }

    /** The hyper-parameters, named once at the top as a person sets them up. */
    static void hyperParameters(Py py, ExportPlan plan) {
        var c = plan.config();
        var o = c.optimizer();
        py.section("hyper-parameters: the job's, with nnlab's defaults filled in");
        py.line("SEED = " + plan.seed() + "  # the job's seed");
        py.line("LEARNING_RATE = " + Py.number(o.learningRate()));
        py.line("BATCH_SIZE = " + c.batchSize() + "  # " + plan.trainedPerEpoch() + (plan.augmentation() == null
                ? " training examples / " : " training images with their copies / ")
                + c.batchSize() + " → " + plan.stepsPerEpoch() + " steps (weight updates) per epoch");
        py.line("EPOCHS = " + c.epochs());
        switch (o.kind()) {
            case MOMENTUM -> py.line("MOMENTUM = " + Py.number(o.momentum()));
            case ADAM -> py.line("BETA_1, BETA_2, EPSILON = " + Py.number(o.beta1()) + ", " + Py.number(o.beta2())
                    + ", " + Py.number(o.epsilon()));
            case RMSPROP -> py.line("RHO, EPSILON = " + Py.number(o.rho()) + ", " + Py.number(o.epsilon()));
            default -> {
            }
        }
        if (c.l1() > 0 || c.l2() > 0) {
            py.line("L1, L2 = " + Py.number(c.l1()) + ", " + Py.number(c.l2())
                    + "  # penalties l1·Σ|w| + l2·Σw² on the kernels (weights), not the biases");
        }
        EarlyStopping es = c.earlyStopping();
        if (es != null) {
            py.line("PATIENCE, MIN_DELTA = " + es.patience() + ", " + Py.number(es.minDelta())
                    + "  # early stopping on the " + (plan.data().hasValidation() ? "validation" : "training") + " loss");
        }
        py.line("SHUFFLE = " + Py.bool(c.shuffle()) + "  # reshuffle the training examples every epoch");
    }

    /** The line that names the batch normalisation's weights of a loaded weights document, skipping layers without. */
    static String normsOf(String document) {
        return "[n for n in " + document + ".get(\"batchNorm\") or [] if n is not None]";
    }

    /** The spec's own starting weights (model.weights), e.g. the lecture's XOR hand solution. */
    static void initialWeights(Py py, Weights w) {
        py.line("# the job started from weights given in its spec (Keras's layout: kernel[input][unit], bias[unit])");
        StringBuilder kernels = new StringBuilder("[");
        StringBuilder biases = new StringBuilder("[");
        for (int l = 0; l < w.layers(); l++) {
            kernels.append(l > 0 ? ", " : "").append(Py.nested(w.kernels().get(l)));
            biases.append(l > 0 ? ", " : "").append(Py.nested(w.biases().get(l)));
        }
        String norms = "";
        if (w.batchNorm() != null) {
            StringBuilder n = new StringBuilder(", \"batchNorm\": [");
            for (int l = 0; l < w.batchNorm().size(); l++) {
                Weights.Norm norm = w.batchNorm().get(l);
                n.append(l > 0 ? ", " : "").append(norm == null ? "None" : "{\"gamma\": " + Py.nested(norm.gamma())
                        + ", \"beta\": " + Py.nested(norm.beta()) + ", \"movingMean\": " + Py.nested(norm.movingMean())
                        + ", \"movingVariance\": " + Py.nested(norm.movingVariance()) + "}");
            }
            norms = n.append(']').toString();
        }
        py.line("START_WEIGHTS = {\"kernels\": " + kernels + "], \"biases\": " + biases + "]" + norms + "}");
    }
}
