package nnlab.jobs.export;

import java.util.List;
import java.util.stream.Collectors;

/** Python source text: literals, and a script built line by line. */
final class Py {

    private final StringBuilder text = new StringBuilder();

    Py line(String line) {
        text.append(line).append('\n');
        return this;
    }

    Py lines(String... lines) {
        for (String l : lines) line(l);
        return this;
    }

    Py blank() {
        return line("");
    }

    /** A section heading, as a person marks the parts of a script. */
    Py section(String title) {
        return blank().line("# ---- " + title);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** A Python number: integers without a fraction, others as Java prints them (Python reads 1.0E-7). */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.valueOf(v);
    }

    /** A value stored as a float (data), printed with a float's digits: 0.00632, not 0.006320000160485506. */
    static String floatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.valueOf((long) v);
        return String.valueOf((float) v);
    }

    static String string(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String strings(List<String> values) {
        return values.stream().map(Py::string).collect(Collectors.joining(", ", "[", "]"));
    }

    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** {@code NAME = [1, 2, ...]}: whole numbers, wrapped to lines of at most 100 characters, aligned after the bracket. */
    static String integerList(String name, List<double[]> rows) {
        String indent = " ".repeat(name.length() + 4);
        StringBuilder s = new StringBuilder(name).append(" = [");
        int width = indent.length();
        for (int i = 0; i < rows.size(); i++) {
            String n = number(rows.get(i)[0]) + (i < rows.size() - 1 ? "," : "");
            if (i > 0 && width + 1 + n.length() > 100) {
                s.append('\n').append(indent);
                width = indent.length();
            } else if (i > 0) {
                s.append(' ');
                width++;
            }
            s.append(n);
            width += n.length();
        }
        return s.append(']').toString();
    }

    /** A matrix or vector of doubles as nested Python lists. */
    static String nested(double[][] m) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            if (i > 0) s.append(", ");
            s.append(nested(m[i]));
        }
        return s.append(']').toString();
    }

    static String nested(double[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) s.append(", ");
            s.append(number(v[i]));
        }
        return s.append(']').toString();
    }
}
