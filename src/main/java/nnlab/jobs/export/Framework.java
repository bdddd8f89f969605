package nnlab.jobs.export;

import java.util.Arrays;
import java.util.stream.Collectors;
import nnlab.platform.InvalidInputException;

/** The libraries a job exports to, by the ids the {@code framework} parameter takes. */
public enum Framework {
    KERAS("keras"),
    PYTORCH("pytorch");

    public static final String FIELD = "framework";

    private final String id;

    Framework(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws InvalidInputException naming the field and the choices */
    public static Framework of(String id) {
        String choices = Arrays.stream(values()).map(Framework::id).collect(Collectors.joining(" or "));
        InvalidInputException.require(id != null && !id.isBlank(), FIELD, "is required: " + choices);
        return Arrays.stream(values()).filter(f -> f.id.equals(id.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException(FIELD, "must be " + choices + ", was '" + id + "'"));
    }
}
