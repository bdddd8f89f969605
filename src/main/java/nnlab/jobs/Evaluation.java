package nnlab.jobs;

import java.util.List;

/**
 * A classifier judged on one split of its data: the confusion matrix, accuracy per class and overall,
 * and a few examples with what the model made of them.
 *
 * @param epoch        the epoch whose weights were judged
 * @param split        test, validation or train
 * @param matrix       counts, {@code matrix[true class][predicted class]}
 * @param classes      per class, in class order
 * @param featureNames the inputs of each sample's {@code features}; null for images
 * @param image        the picture size of image data sets (samples then carry {@code pixels}), else null
 */
public record Evaluation(String jobId, int epoch, String split, int examples, int correct, double accuracy,
                         List<String> classNames, int[][] matrix, List<ClassScore> classes,
                         List<String> featureNames, Image image, List<Sample> samples) {

    /**
     * @param support   examples of this class
     * @param predicted examples predicted as this class
     * @param accuracy  correct / support (the class's recall); null when the split has none of the class
     * @param precision correct / predicted; null when nothing was predicted as the class
     */
    public record ClassScore(String name, int support, int predicted, int correct, Double accuracy,
                             Double precision) {
    }

    public record Image(int width, int height) {
    }

    /**
     * @param index         the example's row in the split
     * @param probabilities per class, when the output layer gives them (softmax, or one sigmoid unit)
     * @param pixels        image data sets: the raw grey values (MNIST: 0..255), row by row
     * @param features      other data sets: the raw input values, as named by {@code featureNames}
     */
    public record Sample(int index, int trueClass, int predictedClass, boolean correct, double[] probabilities,
                         int[] pixels, double[] features) {
    }
}
