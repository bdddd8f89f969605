package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The classic block in Chromium: adaboost's rounds on XOR, each round's α and ε, and a model per card. */
class ClassicWidgetBrowserIT extends LabBrowserTest {

    @Override
    Duration waitLimit() {
        return Duration.ofSeconds(90);
    }

    @Test
    void adaboostShowsEveryRoundAndTheVoteOverThePlane() throws Exception {
        open("/labs/adaboost");
        WebElement block = driver.findElements(By.cssSelector("[data-widget=classic]")).get(0);
        block.findElement(By.cssSelector("button.run")).click();
        waitUntil(d -> "true".equals(block.findElement(By.cssSelector(".classic")).getAttribute("data-done")));
        WebElement card = block.findElement(By.cssSelector(".classic-card"));
        assertThat(card.getAttribute("class")).doesNotContain("failed");
        assertThat(card.getAttribute("data-job-id")).isNotBlank();
        assertThat(Double.parseDouble(card.getAttribute("data-accuracy"))).isGreaterThan(0.9);
        List<WebElement> rows = card.findElements(By.cssSelector(".classic-rounds tr"));
        assertThat(rows).hasSize(13); // the header and 12 rounds
        for (WebElement row : rows.subList(1, rows.size())) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            double alpha = Double.parseDouble(cells.get(1).getText());
            double error = Double.parseDouble(cells.get(2).getText());
            assertThat(error).isBetween(0.0, 0.5);
            assertThat(alpha).isCloseTo(0.5 * Math.log((1 - Math.max(error, 1e-10)) / Math.max(error, 1e-10)),
                    org.assertj.core.api.Assertions.within(0.002)); // the table rounds to 3 decimals
        }
        // the plane is painted: the heat map's two colours both appear
        Object colours = browser.js("const c = arguments[0].querySelector('canvas.plane').getContext('2d')"
                + ".getImageData(0, 0, 200, 200).data; const seen = new Set();"
                + "for (let i = 0; i < c.length; i += 4 * 97) seen.add(c[i] > c[i + 2] ? 'orange' : 'blue');"
                + "return [...seen].sort().join(',')", card);
        assertThat(colours).isEqualTo("blue,orange");
        screenshot("adaboost-xor-rounds.png", block);
    }
}
