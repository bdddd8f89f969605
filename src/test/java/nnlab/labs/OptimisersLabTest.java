package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nnlab.engine.EpochReport;
import nnlab.engine.Optimizer;
import nnlab.engine.Surface;
import nnlab.engine.SurfaceDescent;
import org.junit.jupiter.api.Test;

/**
 * The numbers of the optimisers lab: each surface block's paths at its default settings, computed as the server
 * computes them (the widget's β is momentum's μ, RMSProp's ρ and Adam's β₁), the learning rates the text asks the
 * student to try, and the batch-size comparison at its seed.
 */
class OptimisersLabTest {

    private static final String LAB = "optimisers.md";

    /** The last point of each optimiser's path: [x, y, f], and the step it diverged at (or -1). */
    private static List<double[]> ends(JsonNode block, Double learningRate, Double beta, Integer steps, double[] start) throws Exception {
        Surface s = Surface.fromId(block.get("surface").asText(), "surface");
        double lr = learningRate != null ? learningRate : block.get("learningRate").asDouble();
        double b = beta != null ? beta : block.get("beta").asDouble();
        int n = steps != null ? steps : block.get("steps").asInt();
        double[] from = start != null ? start : block.has("start")
                ? new double[]{block.get("start").get(0).asDouble(), block.get("start").get(1).asDouble()} : s.start();
        List<String> names = new ArrayList<>();
        if (block.has("optimizers")) block.get("optimizers").forEach(o -> names.add(o.asText()));
        else names.addAll(List.of("sgd", "momentum", "rmsprop", "adam"));
        List<double[]> out = new ArrayList<>();
        for (String name : names) {
            Optimizer d = Optimizer.of(Optimizer.Kind.fromId(name, "o"), lr);
            Optimizer o = new Optimizer(d.kind(), lr, name.equals("momentum") ? b : d.momentum(),
                    name.equals("adam") ? b : d.beta1(), d.beta2(), d.epsilon(), name.equals("rmsprop") ? b : d.rho());
            SurfaceDescent.Path p = SurfaceDescent.run(s, o, from[0], from[1], n, "run");
            int k = p.x().length - 1;
            out.add(new double[]{p.x()[k], p.y()[k], p.loss()[k], p.diverged() == null ? -1 : p.diverged()});
            System.out.printf("[optimisers lab] %s %s η=%s β=%s %d steps: (%.4f, %.4f) f=%.5g diverged %s%n", s.id(), name, lr, b,
                    n, p.x()[k], p.y()[k], p.loss()[k], p.diverged());
        }
        return out;
    }

    private static JsonNode surface(String name) throws Exception {
        return LabRuns.blocks(LAB, "surface").stream().filter(b -> b.get("surface").asText().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void onTheSaddleOnlyGradientDescentIsLeftNearIt() throws Exception {
        List<double[]> e = ends(surface("saddle"), null, null, null, null);
        assertThat(e.get(0)[1]).as("gd: y = 0.13").isCloseTo(0.13, within(0.005));
        assertThat(e.get(0)[2]).as("gd: f = −0.008").isCloseTo(-0.008, within(0.0005));
        for (int i = 1; i < 4; i++) assertThat(e.get(i)[2]).as("f = −0.250").isCloseTo(-0.250, within(0.0005));
        double[] slow = ends(surface("saddle"), 0.01, null, null, null).get(0);
        assertThat(slow[0]).as("(−0.24, 0.003)").isCloseTo(-0.24, within(0.005));
        assertThat(slow[1]).isCloseTo(0.003, within(0.0005));
        assertThat(slow[2]).as("f = 0.057").isCloseTo(0.057, within(0.0005));
        double[] onRidge = ends(surface("saddle"), null, null, 2000, new double[]{-1.8, 0}).get(0);
        assertThat(onRidge[0]).as("the question: from y = 0 into the saddle").isCloseTo(0, within(1e-9));
        assertThat(onRidge[1]).isEqualTo(0);
    }

    @Test
    void inTheNarrowValleyMomentumGoesFurtherAndGradientDescentsLimitIs02() throws Exception {
        JsonNode bowl = surface("bowl");
        List<double[]> e = ends(bowl, null, null, null, null);
        assertThat(e.get(0)[0]).as("gd x = −1.28").isCloseTo(-1.28, within(0.005));
        assertThat(e.get(0)[2]).as("gd f = 0.82").isCloseTo(0.82, within(0.005));
        assertThat(e.get(1)[2]).as("momentum f = 0.00014").isCloseTo(0.00014, within(0.000005));
        assertThat(ends(bowl, null, 0.0, null, null).get(1)[2]).as("β = 0: f = 0.82").isCloseTo(0.82, within(0.005));
        assertThat(ends(bowl, 0.19, null, null, null).get(0)[2]).as("η = 0.19: 5e-9").isCloseTo(5e-9, within(0.5e-9));
        double[] edge = ends(bowl, 0.2, null, null, null).get(0);
        assertThat(edge[1]).as("η = 0.2: y = ±1.2").isCloseTo(1.2, within(1e-9));
        assertThat(edge[2]).as("f = 7.2").isCloseTo(7.2, within(1e-6));
        assertThat(ends(bowl, 0.21, null, null, null).get(0)[1]).as("η = 0.21: y ≈ 16,537").isCloseTo(16537, within(1.0));
    }

    @Test
    void onHimmelblauGradientDescentAndMomentumEndInDifferentMinima() throws Exception {
        List<double[]> e = ends(surface("himmelblau"), null, null, null, null);
        assertThat(e.get(0)[0]).isCloseTo(3, within(1e-6));
        assertThat(e.get(0)[1]).isCloseTo(2, within(1e-6));
        assertThat(e.get(1)[0]).as("momentum (3.58, −1.85)").isCloseTo(3.58, within(0.005));
        assertThat(e.get(1)[1]).isCloseTo(-1.85, within(0.005));
        for (int i = 2; i < 4; i++) {
            assertThat(e.get(i)[0]).as("near (1.2, 1.1)").isCloseTo(1.2, within(0.05));
            assertThat(e.get(i)[1]).isCloseTo(1.1, within(0.05));
            assertThat(e.get(i)[2]).as("f ≈ 92").isCloseTo(92, within(1.0));
        }
    }

    @Test
    void inRosenbrocksValleyMomentumReachesTheMinimum() throws Exception {
        JsonNode banana = surface("rosenbrock");
        List<double[]> e = ends(banana, null, null, null, null);
        assertThat(e.get(0)[0]).as("gd (0.985, 0.970)").isCloseTo(0.985, within(0.0005));
        assertThat(e.get(0)[1]).isCloseTo(0.970, within(0.0005));
        assertThat(e.get(0)[2]).as("f = 0.0002").isCloseTo(0.0002, within(0.00005));
        assertThat(e.get(1)[0]).as("momentum (1.000, 1.000)").isCloseTo(1, within(0.0005));
        assertThat(e.get(1)[2]).as("f = 4e-10").isCloseTo(4e-10, within(0.5e-10));
        assertThat(ends(banana, 0.01, null, null, null).get(0)[3]).as("η = 0.01 diverges within 4 steps").isBetween(1.0, 4.0);
    }

    @Test
    void smallerBatchesTakeMoreStepsAndGoFurtherOnANoisierPath() throws Exception {
        JsonNode compare = LabRuns.block(LAB, "compare", "batches");
        String[] names = {"batch (100)", "mini-batch (10)", "stochastic (1)"};
        int[] stepsPerEpoch = {1, 10, 100};
        double[] loss = {0.573, 0.162, 0.090};
        double[] accuracy = {0.69, 0.96, 0.98};
        int[] rises = {0, 0, 15};
        for (int v = 0; v < 3; v++) {
            LabRuns.Run r = LabRuns.train(LabRuns.variant(compare, names[v]));
            int train = r.job().data().split().train().count();
            int batch = r.job().config().batchSize();
            int rose = 0;
            double previous = Double.NaN;
            for (EpochReport e : r.epochs()) {
                if (e.train().loss() > previous) rose++;
                previous = e.train().loss();
            }
            System.out.printf("[optimisers lab] %s: %d training points, %d steps per epoch, loss %.4f, test accuracy %.3f, rose in %d epochs%n",
                    names[v], train, (train + batch - 1) / batch, r.last().train().loss(), r.last().test().accuracy(), rose);
            assertThat(train).isEqualTo(100);
            assertThat((train + batch - 1) / batch).as(names[v] + " steps per epoch").isEqualTo(stepsPerEpoch[v]);
            assertThat(r.epochs()).hasSize(40);
            assertThat(r.last().train().loss()).as(names[v] + " training loss").isCloseTo(loss[v], within(0.0005));
            assertThat(r.last().test().accuracy()).as(names[v] + " test accuracy").isCloseTo(accuracy[v], within(0.005));
            assertThat(rose).as(names[v] + " epochs in which the loss rose").isEqualTo(rises[v]);
        }
    }
}
