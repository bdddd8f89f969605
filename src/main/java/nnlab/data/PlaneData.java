package nnlab.data;

import java.util.List;

/**
 * The raw 2-D points behind a prepared 2-D data set, part by part in the same order as its
 * examples, for drawing; {@code featureMap} turns points into network inputs.
 */
public record PlaneData(FeatureMap featureMap, List<LabeledPoint> train, List<LabeledPoint> validation,
                        List<LabeledPoint> test) {

    public PlaneData {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }
}
