package nnlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Opens and reads the data files bundled under {@code src/main/resources/datasets/}. */
final class BundledFiles {

    static final String ROOT = "datasets/";

    private BundledFiles() {
    }

    static InputStream open(String path) {
        InputStream in = BundledFiles.class.getClassLoader().getResourceAsStream(ROOT + path);
        if (in == null) throw new DataFileException(ROOT + path, "not found on the classpath");
        return in;
    }

    /** A comma-separated file with one header line, its cells as text. */
    record Table(List<String> header, List<String[]> rows) {
    }

    static Table readCsv(String path, int expectedRows) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8))) {
            String headerLine = reader.readLine();
            if (headerLine == null) throw new DataFileException(ROOT + path, "is empty");
            List<String> header = List.of(headerLine.split(","));
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) continue;
                String[] cells = line.split(",", -1);
                if (cells.length != header.size()) {
                    throw new DataFileException(ROOT + path, "line " + (rows.size() + 2) + " has " + cells.length
                            + " fields, the header " + header.size());
                }
                rows.add(cells);
            }
            if (rows.size() != expectedRows) {
                throw new DataFileException(ROOT + path, "has " + rows.size() + " rows, expected " + expectedRows);
            }
            return new Table(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + ROOT + path, e);
        }
    }

    static float number(String path, String cell, int row) {
        try {
            return Float.parseFloat(cell);
        } catch (NumberFormatException e) {
            throw new DataFileException(ROOT + path, "row " + (row + 1) + ": not a number: " + cell, e);
        }
    }
}
