package nnlab.data;

import java.util.List;
import nnlab.engine.Examples;

/**
 * The Boston housing data: 506 census tracts, 13 attributes and the median home value MEDV (in
 * $1000s), in file order. Read {@code datasets/README.md} on the {@code B} column before using it.
 */
public final class Boston {

    public static final String FILE = "boston.csv";
    public static final int COUNT = 506;
    public static final List<String> COLUMNS = List.of(
            "CRIM", "ZN", "INDUS", "CHAS", "NOX", "RM", "AGE", "DIS", "RAD", "TAX", "PTRATIO", "B", "LSTAT", "MEDV");
    public static final List<String> FEATURE_COLUMNS = COLUMNS.subList(0, 13);
    public static final String DEFAULT_TARGET = "MEDV";
    /** The default inputs: every attribute except B, which encodes race (see the data README). */
    public static final List<String> DEFAULT_FEATURES =
            FEATURE_COLUMNS.stream().filter(c -> !c.equals("B")).toList();
    /** The lectures' presets: gradient descent on one parameter, and the 6-input network. */
    public static final List<String> ROOMS_ONLY = List.of("RM");
    public static final List<String> SIX_FEATURES = List.of("RM", "CRIM", "INDUS", "NOX", "AGE", "TAX");

    private static volatile float[] cached; // COUNT × COLUMNS, row-major

    private Boston() {
    }

    /** The chosen columns as inputs, in the order given, and one target column. */
    public static Examples load(List<String> features, String target) {
        int[] columns = features.stream().mapToInt(Boston::column).toArray();
        int targetColumn = column(target);
        float[] table = table();
        int width = COLUMNS.size();
        float[] x = new float[COUNT * columns.length];
        float[] y = new float[COUNT];
        for (int i = 0; i < COUNT; i++) {
            for (int j = 0; j < columns.length; j++) x[i * columns.length + j] = table[i * width + columns[j]];
            y[i] = table[i * width + targetColumn];
        }
        return new Examples(x, y, COUNT, columns.length, 1);
    }

    private static int column(String name) {
        int index = COLUMNS.indexOf(name);
        if (index < 0) throw new IllegalArgumentException("no Boston column " + name + "; columns are " + COLUMNS);
        return index;
    }

    private static float[] table() {
        float[] table = cached;
        if (table == null) cached = table = read();
        return table;
    }

    private static float[] read() {
        BundledFiles.Table csv = BundledFiles.readCsv(FILE, COUNT);
        if (!csv.header().equals(COLUMNS)) {
            throw new DataFileException(BundledFiles.ROOT + FILE, "unexpected header " + csv.header());
        }
        float[] table = new float[COUNT * COLUMNS.size()];
        for (int i = 0; i < COUNT; i++) {
            String[] cells = csv.rows().get(i);
            for (int j = 0; j < COLUMNS.size(); j++) {
                table[i * COLUMNS.size() + j] = BundledFiles.number(FILE, cells[j], i);
            }
        }
        return table;
    }
}
