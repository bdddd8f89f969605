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

    @Test
    void aCompareBlockPutsAnMlpBesideAKnnAndAnSvm() throws Exception {
        open("/labs/classic-methods");
        WebElement block = driver.findElement(By.cssSelector("[data-widget=compare]"));
        block.findElement(By.cssSelector("button.run")).click();
        WebElement compare = block.findElement(By.cssSelector(".compare"));
        waitUntil(d -> "true".equals(compare.getAttribute("data-done")));
        assertThat(compare.getAttribute("data-status")).isEqualTo("SUCCEEDED");
        List<WebElement> cards = compare.findElements(By.cssSelector(".compare-card"));
        assertThat(cards).extracting(c -> c.getAttribute("data-variant"))
                .containsExactly("MLP 8-8 tanh", "k-NN, k = 5", "SVM, Gaussian kernel");
        waitUntil(d -> cards.stream().allMatch(c -> c.getAttribute("data-accuracy") != null));
        cards.forEach(c -> System.out.println("[labs] compare card " + c.getAttribute("data-variant") + ": "
                + c.findElement(By.cssSelector(".classic-figures")).getText() + " (map " + c.getAttribute("data-drawn") + ")"));
        assertThat(cards).extracting(c -> Double.parseDouble(c.getAttribute("data-accuracy")))
                .as("the text's 0.756, 1.000 and 0.984").containsExactly(0.756, 1.0, 0.984);
        for (WebElement c : cards) {
            assertThat(c.getAttribute("data-job-id")).isNotBlank();
            Object colours = browser.js("const c = arguments[0].querySelector('canvas.plane').getContext('2d')"
                    + ".getImageData(0, 0, 200, 200).data; const seen = new Set();"
                    + "for (let i = 0; i < c.length; i += 4 * 97) seen.add(c[i] > c[i + 2] ? 'orange' : 'blue');"
                    + "return [...seen].sort().join(',')", c);
            assertThat(colours).as(c.getAttribute("data-variant")).isEqualTo("blue,orange");
        }
        // the table has each variant's test accuracy, the classic ones' single step among them
        List<WebElement> rows = compare.findElements(By.cssSelector("tr.variant-result"));
        assertThat(rows).extracting(r -> r.findElements(By.tagName("td")).get(7).getText())
                .containsExactly("0.7560", "1.0000", "0.9840");
        assertThat(rows.get(1).findElements(By.tagName("td")).get(2).getText()).isEqualTo("1");
        screenshot("classic-compare.png", block);
    }

    /** A train block whose spec is a classic model: its steps' log and curves, and its map over the plane. */
    @Test
    void aTrainBlockTrainsAForestAndDrawsItsMap() throws Exception {
        open("/labs/classic-methods");
        String config = "{\"name\": \"forest\", \"spec\": {\"dataset\": {\"name\": \"playground\", \"kind\": \"circle\","
                + " \"noise\": 0.1}, \"model\": {\"kind\": \"forest\", \"trees\": 30, \"maxDepth\": 8}, \"training\": {},"
                + " \"seed\": 1}}";
        // a block as a lab file would hold it, mounted as the lab page mounts its blocks
        browser.js("const host = document.createElement('div'); host.id = 'injected'; host.className = 'lab-widget';"
                + "host.dataset.widget = 'train'; document.querySelector('.lab-body').prepend(host);"
                + "Promise.all([import('/labs/widgets/train.js'), import('/labs/page.js')])"
                + ".then(([w, p]) => w.mount(host, JSON.parse(arguments[0]), new p.LabPage()))"
                + ".then(() => { host.dataset.ready = 'true'; }, (e) => { host.dataset.failed = e.message; });", config);
        WebElement host = driver.findElement(By.id("injected"));
        waitUntil(d -> "true".equals(host.getAttribute("data-ready")) || host.getAttribute("data-failed") != null);
        assertThat(host.getAttribute("data-failed")).isNull();
        assertThat(host.findElements(By.cssSelector("form input"))).extracting(i -> i.getAttribute("name")).containsExactly("seed");
        host.findElement(By.cssSelector("button.run")).click();
        WebElement card = host.findElement(By.cssSelector(".plane-card"));
        waitUntil(d -> card.getAttribute("data-accuracy") != null);
        System.out.println("[labs] train block, forest: " + card.getText() + " (map " + card.getAttribute("data-drawn") + ")");
        assertThat(Double.parseDouble(card.getAttribute("data-accuracy"))).as("the lab's table: 0.976").isEqualTo(0.976);
        assertThat(card.getText()).contains("test accuracy 0.976 · 30 steps");
        assertThat(host.findElement(By.cssSelector(".keras-log")).getText()).contains("Epoch 30/30");
        Object colours = browser.js("const c = arguments[0].querySelector('canvas.plane').getContext('2d')"
                + ".getImageData(0, 0, 200, 200).data; const seen = new Set();"
                + "for (let i = 0; i < c.length; i += 4 * 97) seen.add(c[i] > c[i + 2] ? 'orange' : 'blue');"
                + "return [...seen].sort().join(',')", card);
        assertThat(colours).isEqualTo("blue,orange");
        screenshot("classic-train-block.png", host);
    }
}
