package nnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Linear regions counted on hand-made ReLU networks whose regions can be counted on paper, then random ones. */
class LinearRegionsTest {

    private static int regions(List<Integer> hidden, double[][][] kernels, double[][] biases) {
        NetworkSpec spec = LinearRegions.network(hidden, "layers");
        Model model = LinearRegions.model(spec, new Weights(List.of(kernels), List.of(biases)));
        return LinearRegions.count(model, 6, 200).regions();
    }

    @Test
    void twoUnitsOnTheAxesCutTheQuadrants() {
        // relu(x), relu(y): the lines x = 0 and y = 0
        assertThat(regions(List.of(2), new double[][][]{{{1, 0}, {0, 1}}}, new double[][]{{0, 0}})).isEqualTo(4);
    }

    @Test
    void threeLinesThroughOnePointMakeSixSectors() {
        // x = 0, y = 0 and x + y = 0
        assertThat(regions(List.of(3), new double[][][]{{{1, 0, 1}, {0, 1, 1}}}, new double[][]{{0, 0, 0}})).isEqualTo(6);
    }

    @Test
    void threeLinesInGeneralPositionMakeSeven() {
        // x = 1, y = 1, x + y = 0: pairwise crossings (1, 1), (1, −1), (−1, 1) inside the square; 1 + 3 + 3 regions
        assertThat(regions(List.of(3), new double[][][]{{{1, 0, 1}, {0, 1, 1}}}, new double[][]{{-1, -1, 0}})).isEqualTo(7);
    }

    @Test
    void aSecondLayerFoldsThePlaneAndCutsBothSidesAtOnce() {
        // layer 1: relu(x), relu(−x) — one line, 2 regions; layer 2: relu(|x| − 1) adds x = 1 and x = −1 with one unit
        assertThat(regions(List.of(2), new double[][][]{{{1, -1}, {0, 0}}}, new double[][]{{0, 0}})).isEqualTo(2);
        assertThat(regions(List.of(2, 1), new double[][][]{{{1, -1}, {0, 0}}, {{1}, {1}}}, new double[][]{{0, 0}, {-1}}))
                .isEqualTo(4);
    }

    @Test
    void randomNetworksOfTenUnitsPerLayerCutMoreRegionsTheDeeperTheyAre() {
        int[] counts = new int[3];
        int k = 0;
        for (int depth : new int[]{1, 3, 5}) {
            List<Integer> hidden = java.util.Collections.nCopies(depth, 10);
            NetworkSpec spec = LinearRegions.network(hidden, "layers");
            counts[k++] = LinearRegions.count(LinearRegions.model(spec, LinearRegions.random(spec, 1, 1)), 6, 200).regions();
        }
        System.out.printf("[regions] seed 1, layers of 10: 1 → %d, 3 → %d, 5 → %d regions%n", counts[0], counts[1], counts[2]);
        assertThat(counts[0]).as("10 lines make at most 1 + 10 + 45 regions").isLessThanOrEqualTo(56);
        assertThat(counts[1]).isGreaterThan(counts[0]);
        assertThat(counts[2]).isGreaterThan(counts[1]);
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> LinearRegions.network(List.of(10, 100), "layers"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("layers[1]").hasMessageContaining("64");
        NetworkSpec spec = LinearRegions.network(List.of(3), "layers");
        Model m = LinearRegions.model(spec, LinearRegions.random(spec, 1, 1));
        assertThatThrownBy(() -> LinearRegions.count(m, 6, 5000)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("resolution").hasMessageContaining("400");
    }

    /** A network of two inputs with these hidden layers (kernels, biases by hand) and one linear output. */
    private static Model network(List<LayerSpec> hidden, double[][][] kernels, double[][] biases) {
        List<LayerSpec> layers = new java.util.ArrayList<>(hidden);
        layers.add(LayerSpec.dense(1, Activation.LINEAR));
        List<double[][]> k = new java.util.ArrayList<>(List.of(kernels));
        List<double[]> b = new java.util.ArrayList<>(List.of(biases));
        k.add(new double[hidden.get(hidden.size() - 1).units()][1]);
        b.add(new double[1]);
        return Model.of(new NetworkSpec(2, layers, Initializer.ZEROS), new Weights(k, b));
    }

    @Test
    void theInputsOfAPointMayBeScaledAsAJobScalesThem() {
        // relu(x1'), relu(x2') on x1' = (x1 − 1) / 2, x2' = x2: the lines x1 = 1 and x2 = 0, both inside the square
        Model m = network(List.of(LayerSpec.dense(2, Activation.RELU)), new double[][][]{{{1, 0}, {0, 1}}},
                new double[][]{{0, 0}});
        LinearRegions.Count c = LinearRegions.count(m, 6, 200, (x1, x2) -> new double[]{(x1 - 1) / 2, x2});
        assertThat(c.regions()).isEqualTo(4);
        // the column of x1 = 1 splits the grid: cells at x1 < 1 (column 0) and x1 > 1 (last column) differ
        assertThat(c.cells()[0]).isNotEqualTo(c.cells()[199]);
        // shifted out of the square (x1 = 7), the first line cuts nothing: 2 pieces
        assertThat(LinearRegions.count(m, 6, 200, (x1, x2) -> new double[]{(x1 - 7) / 2, x2}).regions()).isEqualTo(2);
    }

    @Test
    void leakyReluBendsLikeReluAndALinearLayerBendsNothing() {
        // leaky relu on x1 = 0 and x2 = 0, then a linear layer: 4 pieces, the linear layer adds no bits
        Model m = network(List.of(LayerSpec.dense(2, Activation.LEAKY_RELU), LayerSpec.dense(2, Activation.LINEAR)),
                new double[][][]{{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}}, new double[][]{{0, 0}, {-1, -1}});
        assertThat(LinearRegions.notPiecewiseLinear(m.spec())).isNull();
        assertThat(LinearRegions.count(m, 6, 200, (x1, x2) -> new double[]{x1, x2}).regions()).isEqualTo(4);
    }

    @Test
    void aCurvedHiddenLayerIsSaidNotToBePiecewiseLinear() {
        Model m = network(List.of(LayerSpec.dense(2, Activation.RELU), LayerSpec.dense(2, Activation.TANH)),
                new double[][][]{{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}}, new double[][]{{0, 0}, {0, 0}});
        assertThat(LinearRegions.notPiecewiseLinear(m.spec())).contains("hidden layer 2 uses tanh");
        assertThatThrownBy(() -> LinearRegions.count(m, 6, 20, (x1, x2) -> new double[]{x1, x2}))
                .hasMessageContaining("hidden layer 2 uses tanh");
    }
}
