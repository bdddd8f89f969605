package nnlab.classroom.dashboard;

import java.util.Arrays;
import java.util.List;

/**
 * CSV as RFC 4180 writes it (comma, CRLF, fields with commas, quotes or line breaks quoted, quotes
 * doubled), safe to open in a spreadsheet: a text cell that starts with {@code = + - @}, a tab or a
 * carriage return would be taken for a formula, so it gets a leading apostrophe (OWASP's advice on CSV
 * injection). Students choose their names and answers; they must not choose what the instructor's
 * spreadsheet runs.
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder();

    /** Adds a row; numbers and booleans as they print, null as an empty cell, anything else as text. */
    public Csv row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value == null) return "";
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) text = "'" + text;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
