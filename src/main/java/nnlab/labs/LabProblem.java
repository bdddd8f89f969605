package nnlab.labs;

/** A lab file that could not be read: which file, which line (1-based, 0 when unknown), and why. */
public record LabProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ", line " + line + ": " + message : file + ": " + message;
    }
}
