package nnlab.data;

/**
 * A bundled data file is missing or does not have the expected format. This is a broken build or
 * installation, not a bad request, so it is unchecked and never an {@code InvalidSpecException}.
 */
public class DataFileException extends RuntimeException {

    public DataFileException(String file, String problem) {
        super("data file " + file + ": " + problem);
    }

    public DataFileException(String file, String problem, Throwable cause) {
        super("data file " + file + ": " + problem, cause);
    }
}
