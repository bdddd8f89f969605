package nnlab.jobs.export;

import java.util.ArrayList;
import java.util.List;
import nnlab.data.Boston;
import nnlab.data.DatasetInfo;
import nnlab.data.DatasetLimits;
import nnlab.data.DatasetSpec;
import nnlab.data.Datasets;
import nnlab.data.Iris;
import nnlab.data.LabeledPoint;
import nnlab.data.PreparedDataset;
import nnlab.data.Scaling;
import nnlab.data.SmallSets;
import nnlab.engine.DataSplit;
import nnlab.engine.Examples;
import nnlab.jobs.JobPlan;

/**
 * A job's data as an exported script loads it: from its public source (MNIST, Iris) or from the CSV the export
 * gives (Boston, the sine examples, every 2-D set), with nnlab's split, feature map and scaling.
 *
 * @param columns    the input columns: the CSV's, or Iris's features; for 2-D sets x1 and x2, before the feature map
 * @param target     the CSV's target column
 * @param featureMap the playground's features computed from x1 and x2 (2-D sets only, else empty)
 * @param rows       the CSV's rows of each part (train, validation, test): the columns, then the target; for Iris
 *                   the rows of scikit-learn's load_iris() in each part (one value a row)
 */
record ExportedData(String name, Source source, List<String> columns, String target, List<String> featureMap,
                    List<String> classNames, boolean classification, Scaling scaling, int trainCount,
                    int validationCount, int testCount, Parts rows) {

    enum Source { MNIST, IRIS, CSV }

    static final List<String> PARTS = List.of("train", "validation", "test");

    /** Rows per part, in the order nnlab trains and tests on them. */
    record Parts(List<double[]> train, List<double[]> validation, List<double[]> test) {

        List<double[]> part(String name) {
            return switch (name) {
                case "train" -> train;
                case "validation" -> validation;
                default -> test;
            };
        }
    }

    /** MNIST: its parts are its files', so only the plan is needed (no 60,000 images are loaded). */
    static ExportedData mnist(JobPlan plan, DatasetLimits limits) {
        String scaling = plan.datasetSpec().scaling() != null ? plan.datasetSpec().scaling()
                : (String) info(Datasets.MNIST, limits).parameter("scaling").defaultValue();
        DatasetSpec.Augmentation a = plan.datasetSpec().augmentation();
        // with augmentation the plan counts the copies too; the script loads the originals and draws its own copies
        int originals = plan.data().trainCount() / (a == null ? 1 : 1 + a.resolved(plan.dataSeed()).copies());
        return new ExportedData(Datasets.MNIST, Source.MNIST, List.of("pixels"), "digit", List.of(),
                plan.data().classNames(), true, Scaling.byId(scaling).orElseThrow(), originals,
                plan.data().validationCount(), plan.data().testCount(), new Parts(List.of(), List.of(), List.of()));
    }

    static ExportedData of(JobPlan plan, PreparedDataset data, DatasetLimits limits) {
        DataSplit split = data.split();
        Scaling scaling = data.scaler().scaling();
        int train = split.train().count();
        int validation = count(split.validation());
        int test = count(split.test());
        boolean classification = data.isClassification();
        if (data.plane() != null) {
            Parts points = new Parts(points(data.plane().train()), points(data.plane().validation()),
                    points(data.plane().test()));
            return new ExportedData(data.name(), Source.CSV, List.of("x1", "x2"), "label", data.featureNames(),
                    data.classNames(), classification, scaling, train, validation, test, points);
        }
        Examples source = switch (data.name()) {
            case Datasets.IRIS -> Iris.load();
            case Datasets.BOSTON -> Boston.load(data.featureNames(), data.target());
            case Datasets.SINE -> SmallSets.sine(train + validation + test, sineNoise(plan, limits),
                    SmallSets.SINE_FROM, SmallSets.SINE_TO, plan.dataSeed());
            default -> throw new IllegalStateException("no export for the data set " + data.name());
        };
        SourceRows rows = new SourceRows(source, data.scaler());
        int[][] parts = {rows.of(split.train()), rows.of(split.validation()), rows.of(split.test())};
        if (data.name().equals(Datasets.IRIS)) {
            Parts indices = new Parts(indices(parts[0]), indices(parts[1]), indices(parts[2]));
            return new ExportedData(data.name(), Source.IRIS, data.featureNames(), "species", List.of(),
                    data.classNames(), true, scaling, train, validation, test, indices);
        }
        String target = data.name().equals(Datasets.SINE) ? "y" : data.target();
        List<String> columns = data.name().equals(Datasets.SINE) ? List.of("x") : data.featureNames();
        return new ExportedData(data.name(), Source.CSV, columns, target, List.of(), data.classNames(),
                classification, scaling, train, validation, test,
                new Parts(values(source, parts[0]), values(source, parts[1]), values(source, parts[2])));
    }

    boolean hasValidation() {
        return validationCount > 0;
    }

    boolean hasTest() {
        return testCount > 0;
    }

    /** The CSV's header: the columns, the target, the part each row belongs to. */
    List<String> csvHeader() {
        List<String> header = new ArrayList<>(columns);
        header.add(target);
        header.add("split");
        return header;
    }

    private static double sineNoise(JobPlan plan, DatasetLimits limits) {
        Double noise = plan.datasetSpec().noise();
        return noise != null ? noise : (Double) info(Datasets.SINE, limits).parameter("noise").defaultValue();
    }

    private static DatasetInfo info(String name, DatasetLimits limits) {
        return Datasets.describe(limits).stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static int count(Examples e) {
        return e == null ? 0 : e.count();
    }

    private static List<double[]> points(List<LabeledPoint> points) {
        return points.stream().map(p -> new double[]{p.x1(), p.x2(), p.label()}).toList();
    }

    private static List<double[]> indices(int[] rows) {
        List<double[]> list = new ArrayList<>(rows.length);
        for (int r : rows) list.add(new double[]{r});
        return list;
    }

    private static List<double[]> values(Examples source, int[] rows) {
        List<double[]> list = new ArrayList<>(rows.length);
        for (int r : rows) {
            double[] row = new double[source.inputs() + 1];
            for (int j = 0; j < source.inputs(); j++) row[j] = source.x(r, j);
            row[source.inputs()] = source.y(r, 0);
            list.add(row);
        }
        return list;
    }
}
