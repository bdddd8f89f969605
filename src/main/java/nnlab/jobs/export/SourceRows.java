package nnlab.jobs.export;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import nnlab.data.Scaler;
import nnlab.engine.Examples;

/**
 * Finds which rows of a source (Iris's file, Boston's, the generated sine examples) a prepared part holds, in the
 * part's order. The data sets hand out scaled parts, not row numbers; the job's own scaler applied to the source
 * gives bit for bit the values the part holds, so rows are found again by their values. Rows with equal values
 * are interchangeable; each source row is used once.
 */
final class SourceRows {

    private final Map<ByteBuffer, Deque<Integer>> rowsByValues = new HashMap<>();

    SourceRows(Examples source, Scaler scaler) {
        Examples scaled = scaler.apply(source);
        for (int i = 0; i < scaled.count(); i++) {
            rowsByValues.computeIfAbsent(key(scaled, i), k -> new ArrayDeque<>()).add(i);
        }
    }

    /** The source row of each of the part's examples; none for an absent part. */
    int[] of(Examples part) {
        if (part == null) return new int[0];
        int[] rows = new int[part.count()];
        for (int i = 0; i < rows.length; i++) {
            Deque<Integer> left = rowsByValues.get(key(part, i));
            if (left == null || left.isEmpty()) {
                throw new IllegalStateException("example " + i + " of a prepared part is not a row of its source");
            }
            rows[i] = left.poll();
        }
        return rows;
    }

    private static ByteBuffer key(Examples e, int row) {
        ByteBuffer b = ByteBuffer.allocate((e.inputs() + e.outputs()) * Float.BYTES);
        for (int j = 0; j < e.inputs(); j++) b.putFloat(e.x(row, j));
        for (int j = 0; j < e.outputs(); j++) b.putFloat(e.y(row, j));
        return b.flip();
    }
}
