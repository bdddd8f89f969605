package nnlab.engine;

import java.util.Arrays;
import java.util.Locale;

/** The lower-case names by which specs and JSON refer to the engine's enums (relu, leaky_relu, adam…). */
final class Ids {

    private Ids() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static String list(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(Ids::of).toList());
    }

    /** The constant named {@code id}, or an {@link InvalidSpecException} on {@code field} listing the allowed ids. */
    static <E extends Enum<E>> E parse(E[] values, String id, String field, String what) {
        for (E v : values) {
            if (of(v).equals(id)) return v;
        }
        throw new InvalidSpecException(field, "unknown " + what + " '" + id + "', allowed: " + list(values));
    }
}
