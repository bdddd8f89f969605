package nnlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import nnlab.engine.DataSplit;
import nnlab.engine.Examples;

/**
 * Train/test splits and validation hold-outs, all reproducible from a seed. Ratios are fractions in
 * (0, 1); both parts of a split keep at least one example.
 */
public final class Splits {

    private Splits() {
    }

    /** Shuffles, then takes the first ⌊n·trainRatio⌋ examples for training (as the playground does). */
    public static DataSplit trainTest(Examples all, double trainRatio, long seed) {
        int[] order = permutation(all.count(), new SplittableRandom(seed));
        int cut = cut(all.count(), trainRatio);
        return new DataSplit(all.rows(Arrays.copyOf(order, cut)), null,
                all.rows(Arrays.copyOfRange(order, cut, order.length)));
    }

    /**
     * Splits each class (the class index in the single target column) by the ratio, so both parts keep
     * the class proportions; each part is then shuffled so that classes are interleaved.
     */
    public static DataSplit stratified(Examples all, double trainRatio, long seed) {
        if (all.outputs() != 1) throw new IllegalArgumentException("a stratified split needs class indices");
        checkRatio(trainRatio);
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> train = new ArrayList<>();
        List<int[]> test = new ArrayList<>();
        for (int[] members : rowsByClass(all)) {
            shuffle(members, random);
            int cut = members.length < 2 ? members.length : cut(members.length, trainRatio, true);
            train.add(Arrays.copyOf(members, cut));
            test.add(Arrays.copyOfRange(members, cut, members.length));
        }
        int[] trainRows = concat(train);
        int[] testRows = concat(test);
        shuffle(trainRows, random);
        shuffle(testRows, random);
        return new DataSplit(all.rows(trainRows), null, all.rows(testRows));
    }

    /**
     * Keras's {@code validation_split}: the last fraction of the training examples, in their current
     * order, becomes the validation set. The training part is already shuffled by
     * {@link #trainTest}/{@link #stratified}, so the hold-out is a random sample of it.
     */
    public static DataSplit holdOutLast(DataSplit split, double fraction) {
        Examples train = split.train();
        int keep = train.count() - holdOutCount(train.count(), fraction);
        return new DataSplit(train.slice(0, keep), train.slice(keep, train.count()), split.test());
    }

    /** Like {@link #holdOutLast}, but the validation rows are drawn at random (seeded). */
    public static DataSplit holdOutShuffled(DataSplit split, double fraction, long seed) {
        Examples train = split.train();
        int[] order = permutation(train.count(), new SplittableRandom(seed));
        int keep = train.count() - holdOutCount(train.count(), fraction);
        return new DataSplit(train.rows(Arrays.copyOf(order, keep)),
                train.rows(Arrays.copyOfRange(order, keep, order.length)), split.test());
    }

    /** How many of {@code count} training rows a validation fraction takes (Keras rounds the same way). */
    public static int holdOutCount(int count, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("a validation fraction must be in (0, 1), was " + fraction);
        }
        int keep = (int) Math.floor(count * (1 - fraction));
        if (keep < 1 || keep == count) {
            throw new IllegalArgumentException("a validation fraction of " + fraction + " of " + count
                    + " training examples leaves one part empty");
        }
        return count - keep;
    }

    /** How many of {@code count} examples go to training; at least one on each side. */
    public static int cut(int count, double trainRatio) {
        return cut(count, trainRatio, false);
    }

    private static int cut(int count, double trainRatio, boolean round) {
        checkRatio(trainRatio);
        if (count < 2) throw new IllegalArgumentException("splitting needs at least 2 examples, has " + count);
        int cut = (int) (round ? Math.round(count * trainRatio) : Math.floor(count * trainRatio));
        return Math.max(1, Math.min(count - 1, cut));
    }

    private static void checkRatio(double trainRatio) {
        if (!(trainRatio > 0 && trainRatio < 1)) {
            throw new IllegalArgumentException("a train ratio must be in (0, 1), was " + trainRatio);
        }
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        shuffle(order, random);
        return order;
    }

    /** Fisher–Yates. */
    static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static List<int[]> rowsByClass(Examples all) {
        int classes = 0;
        for (int i = 0; i < all.count(); i++) {
            float label = all.y(i, 0);
            if (label < 0 || label != Math.rint(label)) {
                throw new IllegalArgumentException("class indices must be whole numbers >= 0, found " + label);
            }
            classes = Math.max(classes, (int) label + 1);
        }
        int[] sizes = new int[classes];
        for (int i = 0; i < all.count(); i++) sizes[(int) all.y(i, 0)]++;
        List<int[]> byClass = new ArrayList<>();
        int[] filled = new int[classes];
        for (int c = 0; c < classes; c++) byClass.add(new int[sizes[c]]);
        for (int i = 0; i < all.count(); i++) {
            int c = (int) all.y(i, 0);
            byClass.get(c)[filled[c]++] = i;
        }
        return byClass;
    }

    private static int[] concat(List<int[]> parts) {
        int[] all = new int[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
