package nnlab.data;

import java.util.List;
import nnlab.engine.Examples;

/**
 * Fisher's iris flowers: 150 examples, 4 measurements in cm, 3 species (50 each) as class indices
 * setosa=0, versicolor=1, virginica=2, in file order.
 */
public final class Iris {

    public static final String FILE = "iris.csv";
    public static final int COUNT = 150;
    public static final List<String> FEATURES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    public static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");

    private static volatile Examples cached;

    private Iris() {
    }

    /** All 150 examples, a fresh copy each time. */
    public static Examples load() {
        Examples all = cached;
        if (all == null) cached = all = read();
        return all.slice(0, all.count());
    }

    private static Examples read() {
        BundledFiles.Table table = BundledFiles.readCsv(FILE, COUNT);
        if (!table.header().subList(0, FEATURES.size()).equals(FEATURES)) {
            throw new DataFileException(BundledFiles.ROOT + FILE, "unexpected header " + table.header());
        }
        float[] x = new float[COUNT * FEATURES.size()];
        float[] y = new float[COUNT];
        for (int i = 0; i < COUNT; i++) {
            String[] cells = table.rows().get(i);
            for (int j = 0; j < FEATURES.size(); j++) {
                x[i * FEATURES.size() + j] = BundledFiles.number(FILE, cells[j], i);
            }
            int species = CLASSES.indexOf(cells[FEATURES.size()]);
            if (species < 0) {
                throw new DataFileException(BundledFiles.ROOT + FILE, "row " + (i + 1) + ": unknown species "
                        + cells[FEATURES.size()]);
            }
            y[i] = species;
        }
        return new Examples(x, y, COUNT, FEATURES.size(), 1);
    }
}
