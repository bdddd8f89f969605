package nnlab.data;

import java.math.BigDecimal;
import java.util.List;
import nnlab.engine.InvalidSpecException;

/**
 * One parameter of a data set, declared once and used both to describe it (for forms and
 * {@code GET /api/datasets}) and to read a spec's value for it, with the range or values it allows.
 *
 * @param name          the {@link DatasetSpec} field; errors name it as {@code dataset.<name>}
 * @param type          number, integer, choice (one of allowedValues), list (some of allowedValues) or points
 *                      (a list of [x1, x2, label] rows, min to max of them)
 * @param defaultValue  what a null value means
 * @param allowedValues for choice and list, else null
 * @param min           for number and integer, inclusive, else null
 * @param max           for number and integer, inclusive, else null
 */
public record ParameterInfo(String name, String type, String description, Object defaultValue,
                            List<String> allowedValues, Number min, Number max) {

    public static ParameterInfo number(String name, String description, double defaultValue, double min, double max) {
        return new ParameterInfo(name, "number", description, defaultValue, null, min, max);
    }

    public static ParameterInfo integer(String name, String description, int defaultValue, int min, int max) {
        return new ParameterInfo(name, "integer", description, defaultValue, null, min, max);
    }

    public static ParameterInfo choice(String name, String description, String defaultValue, List<String> allowed) {
        return new ParameterInfo(name, "choice", description, defaultValue, List.copyOf(allowed), null, null);
    }

    public static ParameterInfo list(String name, String description, List<String> defaultValue, List<String> allowed) {
        return new ParameterInfo(name, "list", description, List.copyOf(defaultValue), List.copyOf(allowed),
                null, null);
    }

    public static ParameterInfo points(String name, String description, int min, int max) {
        return new ParameterInfo(name, "points", description, null, null, min, max);
    }

    public String field() {
        return "dataset." + name;
    }

    double read(Double value) {
        if (value == null) return (Double) defaultValue;
        double v = value;
        InvalidSpecException.require(v >= min.doubleValue() && v <= max.doubleValue(), field(),
                "must be between " + format(min) + " and " + format(max) + ", was " + format(value));
        return v;
    }

    int read(Integer value) {
        if (value == null) return (Integer) defaultValue;
        InvalidSpecException.require(value >= min.intValue() && value <= max.intValue(), field(),
                "must be between " + min + " and " + max + ", was " + value);
        return value;
    }

    String read(String value) {
        if (value == null) return (String) defaultValue;
        InvalidSpecException.require(allowedValues.contains(value), field(),
                "must be one of " + String.join(", ", allowedValues) + ", was '" + value + "'");
        return value;
    }

    @SuppressWarnings("unchecked")
    List<String> read(List<String> values) {
        return values == null ? (List<String>) defaultValue : checkChoices(values, allowedValues, field());
    }

    /**
     * Checks a non-empty list of distinct allowed values; an error names the entry as
     * {@code field[i]} and lists what is allowed.
     */
    static List<String> checkChoices(List<String> values, List<String> allowed, String field) {
        String choices = String.join(", ", allowed);
        InvalidSpecException.require(!values.isEmpty(), field, "must list at least one of " + choices);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String entry = field + "[" + i + "]";
            InvalidSpecException.require(value != null && allowed.contains(value), entry,
                    "must be one of " + choices + ", was " + (value == null ? "null" : "'" + value + "'"));
            InvalidSpecException.require(values.indexOf(value) == i, entry, "repeats '" + value + "'");
        }
        return List.copyOf(values);
    }

    /** Whole numbers without ".0", other numbers as written (0.5, not 0.50000001). */
    private static String format(Number n) {
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())) return d.toString();
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
}
