package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nnlab.engine.Examples;
import org.junit.jupiter.api.Test;

class BostonTest {

    @Test
    void has506TractsAndTheFirstAndLastRowsOfTheFile() {
        Examples all = Boston.load(Boston.FEATURE_COLUMNS, "MEDV");
        assertThat(all.count()).isEqualTo(506);
        assertThat(all.inputs()).isEqualTo(13);
        assertThat(all.x(0, 0)).isEqualTo(0.00632f); // CRIM
        assertThat(all.x(0, 1)).isEqualTo(18f);      // ZN
        assertThat(all.x(0, 5)).isEqualTo(6.575f);   // RM
        assertThat(all.y(0, 0)).isEqualTo(24f);
        assertThat(all.x(505, 5)).isEqualTo(6.03f);
        assertThat(all.y(505, 0)).isEqualTo(11.9f);
    }

    @Test
    void medvIsCensoredAt50() {
        Examples rooms = Boston.load(Boston.ROOMS_ONLY, "MEDV");
        int capped = 0;
        for (float v : rooms.y()) {
            assertThat(v).isLessThanOrEqualTo(50f);
            if (v == 50f) capped++;
        }
        assertThat(capped).isEqualTo(16);
    }

    @Test
    void selectsColumnsInTheOrderAsked() {
        Examples six = Boston.load(Boston.SIX_FEATURES, "MEDV");
        assertThat(six.inputs()).isEqualTo(6);
        assertThat(new float[] {six.x(0, 0), six.x(0, 1), six.x(0, 2), six.x(0, 3), six.x(0, 4), six.x(0, 5)})
                .containsExactly(6.575f, 0.00632f, 2.31f, 0.538f, 65.2f, 296f);
        Examples rooms = Boston.load(List.of("RM"), "NOX");
        assertThat(rooms.x(0, 0)).isEqualTo(6.575f);
        assertThat(rooms.y(0, 0)).isEqualTo(0.538f);
    }

    @Test
    void theDefaultFeaturesLeaveOutB() {
        assertThat(Boston.DEFAULT_FEATURES).hasSize(12).doesNotContain("B");
        assertThatThrownBy(() -> Boston.load(List.of("ROOMS"), "MEDV")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CRIM");
    }
}
