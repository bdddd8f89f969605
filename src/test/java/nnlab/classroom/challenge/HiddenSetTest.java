package nnlab.classroom.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nnlab.data.DatasetSpec;
import nnlab.data.Datasets;
import nnlab.data.Mnist;
import nnlab.data.PreparedDataset;
import nnlab.engine.Examples;
import nnlab.jobs.Prediction;
import org.junit.jupiter.api.Test;

/** Hidden test sets drawn from a seed, kept out of the challenge's data, and scored; when a job's data is the challenge's. */
class HiddenSetTest {

    @Test
    void theChosenRowsAreDistinctSortedAndFollowTheSeed() {
        int[] a = HiddenSet.chosen(150, 30, 99);
        assertThat(a).hasSize(30).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(a)).allMatch(i -> i >= 0 && i < 150);
        assertThat(HiddenSet.chosen(150, 30, 99)).isEqualTo(a);
        assertThat(HiddenSet.chosen(150, 30, 100)).isNotEqualTo(a);
    }

    @Test
    void bostonsHiddenRowsAreInNoSplitOfTheChallengesDataOnly() {
        DatasetSpec data = ChallengeRules.data(DatasetSpec.of(Datasets.BOSTON), 4242);
        assertThat(data.features()).isNotEmpty();
        assertThat(data.target()).isEqualTo("MEDV");
        long hiddenSeed = 17;
        HiddenSet.holdOut(data, hiddenSeed);
        try {
            DatasetSpec raw = data.withScaling("none");
            PreparedDataset onChallenge = Datasets.prepare(raw, data.seed());
            PreparedDataset elsewhere = Datasets.prepare(raw.withSeed(4243L), 4243L);
            assertThat(count(onChallenge)).isEqualTo(506 - HiddenSet.BOSTON_ROWS);
            assertThat(count(elsewhere)).isEqualTo(506);
            HiddenSet hidden = HiddenSet.draw(data, hiddenSeed);
            assertThat(hidden.size()).isEqualTo(HiddenSet.BOSTON_ROWS);
            List<double[]> rows = hidden.request().inputs();
            assertThat(found(rows, onChallenge)).as("hidden rows among the challenge's examples").isZero();
            assertThat(found(rows, elsewhere)).as("hidden rows among another seed's examples").isEqualTo(rows.size());
        } finally {
            HiddenSet.release(data);
        }
        assertThat(count(Datasets.prepare(data.withScaling("none"), data.seed()))).isEqualTo(506);
    }

    @Test
    void mnistsHiddenImagesComeFromPastTheTestLimitAndAreScored() {
        DatasetSpec data = ChallengeRules.data(DatasetSpec.of(Datasets.MNIST).withLimits(1000, null), 5);
        assertThat(data.testLimit()).isEqualTo(ChallengeRules.MNIST_TEST_LIMIT);
        HiddenSet hidden = HiddenSet.draw(data, 31);
        assertThat(hidden.size()).isEqualTo(HiddenSet.MNIST_IMAGES);
        int first = ChallengeRules.MNIST_TEST_LIMIT + HiddenSet.chosen(10_000 - ChallengeRules.MNIST_TEST_LIMIT,
                HiddenSet.MNIST_IMAGES, 31)[0];
        Examples image = Mnist.load(Mnist.Part.TEST, first, first + 1, false);
        double[] sent = hidden.request().inputs().get(0);
        assertThat(sent).hasSize(Mnist.PIXELS);
        for (int p = 0; p < Mnist.PIXELS; p++) assertThat(sent[p]).isEqualTo(image.x(0, p));

        int[] right = new int[hidden.size()];
        right[0] = (int) image.y(0, 0);
        int[] wrong = right.clone();
        wrong[0] = (right[0] + 1) % 10;
        assertThat(hidden.score(Challenge.ACCURACY, new Prediction("j", 1, null, right, null)))
                .isGreaterThan(hidden.score(Challenge.ACCURACY, new Prediction("j", 1, null, wrong, null)));
    }

    @Test
    void meanSquaredErrorIsOverTheWholeHiddenSet() {
        DatasetSpec data = ChallengeRules.data(DatasetSpec.playground("reg-plane").withSamples(40), 8);
        HiddenSet hidden = HiddenSet.draw(data, 3);
        assertThat(hidden.size()).isEqualTo(40);
        PreparedDataset drawn = Datasets.prepare(data.withSeed(3L), 3L);
        double[] truth = new double[40];
        int k = 0;
        for (var p : drawn.plane().train()) truth[k++] = p.label();
        for (var p : drawn.plane().test()) truth[k++] = p.label();
        double[][] off = new double[40][];
        for (int i = 0; i < 40; i++) off[i] = new double[] {truth[i] + 0.5};
        assertThat(hidden.score(Challenge.MSE, new Prediction("j", 1, off, null, null))).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void aJobsDataIsTheChallengesUpToItsOwnValidationScalingAndFeatures() {
        DatasetSpec challenge = ChallengeRules.data(DatasetSpec.playground("circle").withNoise(0.1), 77);
        assertThat(ChallengeRules.difference(challenge, challenge)).isNull();
        assertThat(ChallengeRules.difference(challenge, challenge.withValidationSplit(0.2).withScaling("minmax")
                .withFeatures(List.of("x1", "x2", "x1sq")))).isNull();
        assertThat(ChallengeRules.difference(challenge, challenge.withSeed(78L)))
                .isEqualTo("dataset.seed is 78, the challenge's is 77");
        assertThat(ChallengeRules.difference(challenge, challenge.withNoise(0.2)))
                .isEqualTo("dataset.noise is 0.2, the challenge's is 0.1");
        assertThat(ChallengeRules.difference(challenge, challenge.withSamples(300)))
                .isEqualTo("dataset.samples is 300, the challenge's is not set");
        DatasetSpec boston = ChallengeRules.data(DatasetSpec.of(Datasets.BOSTON), 5);
        assertThat(ChallengeRules.difference(boston, boston.withFeatures(List.of("RM"))))
                .startsWith("dataset.features is [RM], the challenge's is [");
    }

    /** How many of the rows are among the data's train and test examples (as float inputs). */
    private static int found(List<double[]> rows, PreparedDataset data) {
        Set<String> seen = new HashSet<>();
        for (Examples part : List.of(data.split().train(), data.split().test())) {
            for (int i = 0; i < part.count(); i++) seen.add(inputs(part, i));
        }
        int found = 0;
        for (double[] r : rows) {
            float[] f = new float[r.length];
            for (int c = 0; c < r.length; c++) f[c] = (float) r[c];
            if (seen.contains(Arrays.toString(f))) found++;
        }
        return found;
    }

    private static int count(PreparedDataset d) {
        return d.split().train().count() + d.split().test().count()
                + (d.split().validation() == null ? 0 : d.split().validation().count());
    }

    private static String inputs(Examples e, int i) {
        float[] x = new float[e.inputs()];
        for (int c = 0; c < x.length; c++) x[c] = e.x(i, c);
        return Arrays.toString(x);
    }
}
