package nnlab.data;

import java.util.List;
import nnlab.engine.Examples;

/**
 * What a prepared data set looks like, known before (or without) its examples: enough to check a job
 * spec against it and to estimate the job's memory.
 *
 * @param key            the identity of the content: specs with equal keys give equal examples
 * @param outputs        the network's output width (classes, or 1 for regression)
 * @param bytes          heap the prepared examples take (inputs and targets of every part, and 2-D points)
 * @param preparingBytes further heap needed while preparing (a scaled copy made from the unscaled one)
 * @param perRunBytes    heap each training run holds alone: its copy of the training inputs when they are redrawn
 *                       every epoch (augmentation)
 */
public record DatasetShape(Object key, String name, Task task, int inputs, int outputs, List<String> classNames,
                           int trainCount, int validationCount, int testCount, boolean plane, long bytes,
                           long preparingBytes, long perRunBytes) {

    public DatasetShape(Object key, String name, Task task, int inputs, int outputs, List<String> classNames,
                        int trainCount, int validationCount, int testCount, boolean plane, long bytes,
                        long preparingBytes) {
        this(key, name, task, inputs, outputs, classNames, trainCount, validationCount, testCount, plane, bytes,
                preparingBytes, 0);
    }

    /** Array header and the record holding it, per part. */
    private static final long PART_OVERHEAD = 64;
    /** A 2-D point object and its reference in a list. */
    private static final long POINT_BYTES = 40;

    public DatasetShape {
        classNames = List.copyOf(classNames);
    }

    public boolean isClassification() {
        return task == Task.CLASSIFICATION;
    }

    /** The largest of the three parts. */
    public int largestPart() {
        return Math.max(trainCount, Math.max(validationCount, testCount));
    }

    static DatasetShape of(Object key, PreparedDataset data) {
        var split = data.split();
        int validation = count(split.validation());
        int test = count(split.test());
        long bytes = bytes(split.train()) + bytes(split.validation()) + bytes(split.test());
        int examples = split.train().count() + validation + test;
        if (data.plane() != null) bytes += examples * POINT_BYTES;
        return new DatasetShape(key, data.name(), data.task(), data.inputs(), data.outputs(), data.classNames(),
                split.train().count(), validation, test, data.plane() != null, bytes, 0,
                split.redraw() == null ? 0 : (long) split.train().count() * split.train().inputs() * Float.BYTES);
    }

    /** Bytes of float examples with one target column. */
    static long bytes(int count, int inputs) {
        return count == 0 ? 0 : (long) count * (inputs + 1) * Float.BYTES + PART_OVERHEAD;
    }

    private static long bytes(Examples e) {
        return e == null ? 0 : (long) e.count() * (e.inputs() + e.outputs()) * Float.BYTES + PART_OVERHEAD;
    }

    private static int count(Examples e) {
        return e == null ? 0 : e.count();
    }
}
