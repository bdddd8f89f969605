package nnlab.jobs.classic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds ({@code nnlab.classic.*}) on what a classic model may ask for; each is named when exceeded.
 *
 * @param maxK           neighbours of a k-NN model
 * @param maxDepth       depth of a tree or of a forest's trees
 * @param maxTrees       trees of a forest
 * @param maxRounds      boosting rounds of adaboost
 * @param maxExamples    training examples of k-NN and SVM models (each prediction of k-NN looks at all of them;
 *                       LibSVM's time grows with their square)
 */
@ConfigurationProperties("nnlab.classic")
public record ClassicLimits(@DefaultValue("100") int maxK,
                            @DefaultValue("30") int maxDepth,
                            @DefaultValue("200") int maxTrees,
                            @DefaultValue("500") int maxRounds,
                            @DefaultValue("10000") int maxExamples) {

    public static final ClassicLimits DEFAULTS = new ClassicLimits(100, 30, 200, 500, 10000);
}
