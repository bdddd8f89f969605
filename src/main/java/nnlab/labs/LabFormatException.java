package nnlab.labs;

/** A lab file that breaks the format, at a 1-based line of the file. */
public class LabFormatException extends Exception {
    private final int line;

    public LabFormatException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
