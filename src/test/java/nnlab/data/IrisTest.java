package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import nnlab.engine.Examples;
import org.junit.jupiter.api.Test;

class IrisTest {

    @Test
    void has150FlowersWith50PerSpecies() {
        Examples iris = Iris.load();
        assertThat(iris.count()).isEqualTo(150);
        assertThat(iris.inputs()).isEqualTo(4);
        assertThat(iris.outputs()).isEqualTo(1);
        int[] perClass = new int[3];
        for (float label : iris.y()) perClass[(int) label]++;
        assertThat(perClass).containsExactly(50, 50, 50);
    }

    @Test
    void rowsAreInFileOrderWithSetosaZeroAndVirginicaTwo() {
        Examples iris = Iris.load();
        assertThat(new float[] {iris.x(0, 0), iris.x(0, 1), iris.x(0, 2), iris.x(0, 3)})
                .containsExactly(5.1f, 3.5f, 1.4f, 0.2f);
        assertThat(iris.y(0, 0)).isEqualTo(0);
        assertThat(iris.x(34, 1)).isEqualTo(3.1f); // the corrected row 35, not UCI's 3.6
        assertThat(iris.y(50, 0)).isEqualTo(1);
        assertThat(iris.y(149, 0)).isEqualTo(2);
        assertThat(Iris.CLASSES).containsExactly("setosa", "versicolor", "virginica");
    }

    @Test
    void eachLoadIsAFreshCopy() {
        Examples first = Iris.load();
        first.x()[0] = 99;
        assertThat(Iris.load().x(0, 0)).isEqualTo(5.1f);
    }
}
