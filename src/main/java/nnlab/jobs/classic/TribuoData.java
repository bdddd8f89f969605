package nnlab.jobs.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nnlab.engine.Examples;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.impl.ArrayExample;

/**
 * Our examples as Tribuo's: one feature per input column (named so that their order is the columns'), the class
 * index as the label's name. Zero inputs are left out: Tribuo reads a missing feature as 0, and MNIST's examples
 * are four fifths zeros. The first feature is always there, so that no example is empty.
 */
final class TribuoData {

    static final LabelFactory LABELS = new LabelFactory();

    private final String[] names;

    TribuoData(int inputs) {
        names = new String[inputs];
        int width = String.valueOf(Math.max(0, inputs - 1)).length();
        for (int c = 0; c < inputs; c++) names[c] = "x" + "0".repeat(width - String.valueOf(c).length()) + c;
    }

    MutableDataset<Label> dataset(List<Example<Label>> examples) {
        return new MutableDataset<>(examples, new SimpleDataSourceProvenance("nnlab", LABELS), LABELS);
    }

    List<Example<Label>> examples(Examples ex) {
        List<Example<Label>> list = new ArrayList<>(ex.count());
        double[] row = new double[ex.inputs()];
        for (int r = 0; r < ex.count(); r++) {
            for (int c = 0; c < row.length; c++) row[c] = ex.x(r, c);
            list.add(example(row, new Label(String.valueOf((int) ex.y(r, 0)))));
        }
        return list;
    }

    List<Example<Label>> unlabelled(double[][] rows) {
        List<Example<Label>> list = new ArrayList<>(rows.length);
        for (double[] row : rows) list.add(example(row, LabelFactory.UNKNOWN_LABEL));
        return list;
    }

    private Example<Label> example(double[] row, Label label) {
        ArrayExample<Label> e = new ArrayExample<>(label);
        for (int c = 0; c < row.length; c++) if (row[c] != 0 || c == 0) e.add(names[c], row[c]);
        return e;
    }

    /** Each row's class scores: the model's probabilities when it gives them, else 1 for the class it predicts. */
    static double[][] scores(Model<Label> model, List<Example<Label>> rows, int classes) {
        List<Prediction<Label>> predictions = model.predict(rows);
        double[][] scores = new double[predictions.size()][classes];
        for (int r = 0; r < scores.length; r++) {
            Prediction<Label> p = predictions.get(r);
            if (p.hasProbabilities()) {
                for (Map.Entry<String, Label> e : p.getOutputScores().entrySet()) {
                    scores[r][Integer.parseInt(e.getKey())] = e.getValue().getScore();
                }
            } else {
                scores[r][Integer.parseInt(p.getOutput().getLabel())] = 1;
            }
        }
        return scores;
    }
}
