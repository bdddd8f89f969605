package nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The playground's other models, in Debian's headless Chromium: batch normalisation ticked on a hidden layer, the
 * clipped linear output, and the classic kinds chosen from the Model menu, each trained by the server.
 */
class PlaygroundModelsBrowserIT extends PlaygroundBrowserTest {

    @Test
    void batchNormTickedOnALayerTrainsWithItAndComesBackWithAnImport() throws Exception {
        open("#dataset=circle&networkShape=4,3&speed=max&stopAt=20");
        waitReady();
        assertThat(driver.findElements(By.cssSelector(".bn-mark"))).isEmpty();
        driver.findElements(By.cssSelector(".layer-bn-toggle")).get(0).click();
        waitUntil(d -> d.getCurrentUrl().contains("batchNorm=1&"));
        WebElement mark = driver.findElement(By.cssSelector(".bn-mark"));
        assertThat(mark.getText()).isEqualTo("BN");
        assertThat(mark.getAttribute("data-layer")).isEqualTo("0");
        assertThat(driver.findElements(By.cssSelector(".layer-bn-toggle")).get(0).isSelected()).isTrue();
        waitReady();

        click(By.id("play"));
        waitUntil(d -> epoch() == 20 && Boolean.FALSE.equals(js("return window.playground.running")));
        // the trained job has it: the spec, the summary (4 parameters a unit), the weights the page shows
        @SuppressWarnings("unchecked")
        Map<String, Object> job = (Map<String, Object>) fetch("/api/jobs/" + js("return window.playground.jobId"));
        assertThat(String.valueOf(job.get("spec"))).contains("batchNorm=true");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<String, Object>) job.get("summary")).get("rows");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("type")).isEqualTo("BatchNormalization");
            assertThat(((Number) r.get("parameters")).longValue()).isEqualTo(16L);
        });
        waitUntil(d -> Long.valueOf(4L).equals(js("const b = window.playground.weights.batchNorm;"
                + " return b && b[0] ? b[0].gamma.length : -1")));
        assertThat(js("return window.playground.weights.batchNorm[1]")).isNull();
        System.out.println("[playground] batch norm on layer 1: " + browser.screenshot("playground-batch-norm.png").toAbsolutePath());

        click(By.id("exportWeights"));
        waitUntil(d -> Boolean.TRUE.equals(js("return !!window.playground.exported")));
        String exported = (String) js("return window.playground.exported");
        assertThat(((Number) js("return JSON.parse(window.playground.exported).weights.batchNorm[0].movingVariance.length")))
                .isEqualTo(4L);
        Path file = Files.createTempFile("playground-bn-weights", ".json");
        Files.writeString(file, exported);

        // switched off, then the file brings it back with its own γ, β and moving averages
        driver.findElements(By.cssSelector(".layer-bn-toggle")).get(0).click();
        waitUntil(d -> d.getCurrentUrl().contains("batchNorm=&"));
        assertThat(driver.findElements(By.cssSelector(".bn-mark"))).isEmpty();
        waitReady();
        driver.findElement(By.id("importWeights")).sendKeys(file.toAbsolutePath().toString());
        waitUntil(d -> d.getCurrentUrl().contains("batchNorm=1&"));
        assertThat(driver.findElements(By.cssSelector(".bn-mark"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector(".layer-bn-toggle")).get(0).isSelected()).isTrue();
        String sameNorm = """
                const file = JSON.parse(window.playground.exported).weights.batchNorm[0], shown = arguments[0];
                if (!shown || !shown[0]) return -1;
                const parts = ['gamma', 'beta', 'movingMean', 'movingVariance'];
                const a = parts.flatMap(p => file[p]), b = parts.flatMap(p => shown[0][p]);
                return a.length === b.length ? Math.max(...a.map((v, i) => Math.abs(v - b[i]))) : -1;
                """;
        waitUntil(d -> epoch() == 0 && Boolean.TRUE.equals(js("const w = window.playground.weights;"
                + " return !!(w && w.batchNorm)")));
        assertThat(((Number) js(sameNorm, js("return window.playground.weights.batchNorm"))).doubleValue()).isBetween(0.0, 1e-6);
        click(By.id("step"));
        waitUntil(d -> epoch() == 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> imported = (Map<String, Object>) fetch("/api/jobs/" + js("return window.playground.jobId"));
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) ((Map<String, Object>) imported.get("spec")).get("model");
        @SuppressWarnings("unchecked")
        Map<String, Object> weights = (Map<String, Object>) model.get("weights");
        assertThat(((Number) js(sameNorm, weights.get("batchNorm"))).doubleValue()).isBetween(0.0, 1e-6);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> layers = (List<Map<String, Object>>) model.get("layers");
        assertThat(layers).extracting(l -> l.get("batchNorm")).containsExactly(true, null, null);

        // a file whose batch norm does not fit is refused beside the import, in words
        Path bad = Files.createTempFile("playground-bad-bn", ".json");
        Files.writeString(bad, (String) js("const d = JSON.parse(window.playground.exported);"
                + " d.weights.batchNorm[0].gamma = [1, 2]; return JSON.stringify(d)"));
        String before = (String) js("return window.playground.jobId");
        driver.findElement(By.id("importWeights")).sendKeys(bad.toAbsolutePath().toString());
        waitUntil(d -> text("fileError").contains("batch normalisation of layer 1 in the file needs 4 numbers as gamma"));
        assertThat(js("return window.playground.jobId")).isEqualTo(before);
    }

    @Test
    void theClippedLinearOutputTrainsWithASquaredErrorLoss() {
        open("#dataset=gauss&networkShape=3&speed=max&stopAt=30");
        waitReady();
        new Select(driver.findElement(By.id("output"))).selectByValue("clipped_linear");
        waitUntil(d -> d.getCurrentUrl().contains("output=clipped_linear"));
        assertThat(new Select(driver.findElement(By.id("output"))).getFirstSelectedOption().getText())
                .isEqualTo("Clipped linear");
        assertThat(new Select(driver.findElement(By.id("activation"))).getOptions()).extracting(WebElement::getText)
                .contains("Clipped linear");
        waitReady();
        click(By.id("play"));
        waitUntil(d -> epoch() == 30 && Boolean.FALSE.equals(js("return window.playground.running")));
        @SuppressWarnings("unchecked")
        Map<String, Object> job = (Map<String, Object>) fetch("/api/jobs/" + js("return window.playground.jobId"));
        assertThat(String.valueOf(job.get("spec"))).contains("activation=clipped_linear").contains("loss=mse");
        // two gaussian clouds: the clipped linear output separates them as the sigmoid does
        assertThat(percent("testAccuracy")).isGreaterThanOrEqualTo(90.0);
        // three classes have a softmax: the menu is there but not to be changed
        new Select(driver.findElement(By.id("classes"))).selectByValue("3");
        waitUntil(d -> !d.findElement(By.id("output")).isEnabled());
    }

    @Test
    void kNearestNeighboursFromTheModelMenuDrawItsMapAndItsAccuracy() throws Exception {
        open("#dataset=xor&noise=0&seed=4");
        waitReady();
        assertThat(driver.findElement(By.id("network")).isDisplayed()).isTrue();
        new Select(driver.findElement(By.id("model"))).selectByValue("knn");
        waitUntil(d -> d.getCurrentUrl().contains("model=knn"));
        // the network's own controls go; the kind's options take the network's place
        assertThat(driver.findElement(By.id("network")).isDisplayed()).isFalse();
        for (String id : List.of("learningRate", "optimizer", "dropout", "batchSize", "exportWeights", "addLayer")) {
            assertThat(driver.findElement(By.id(id)).isDisplayed()).as(id).isFalse();
        }
        assertThat(text("classicPanel")).contains("k-nearest neighbours").contains("Neighbours that vote (k)");
        new Select(driver.findElement(By.id("classic-k"))).selectByValue("15");
        waitUntil(d -> d.getCurrentUrl().contains("&k=15&"));
        waitReady();
        assertThat(text("testAccuracy")).isEqualTo("–");

        click(By.id("play"));
        waitUntil(d -> epoch() == 1 && !text("testAccuracy").equals("–")
                && Boolean.FALSE.equals(js("return window.playground.running")));
        @SuppressWarnings("unchecked")
        Map<String, Object> job = (Map<String, Object>) fetch("/api/jobs/" + js("return window.playground.jobId"));
        assertThat(job.get("status")).isEqualTo("SUCCEEDED");
        assertThat(String.valueOf(job.get("spec"))).contains("kind=knn").contains("k=15");
        @SuppressWarnings("unchecked")
        Map<String, Object> test = (Map<String, Object>) ((Map<String, Object>) job.get("last")).get("test");
        double accuracy = ((Number) test.get("accuracy")).doubleValue();
        assertThat(text("testAccuracy")).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f %%", 100 * accuracy));
        // XOR without noise: fifteen neighbours vote right nearly everywhere
        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
        mapAgreesWithServerPredictions();
        System.out.println("[playground] k-NN, k = 15: " + browser.screenshot("playground-knn.png").toAbsolutePath());

        // ▶ again: it is trained, and the page says how to train another
        click(By.id("play"));
        waitUntil(d -> text("runError").contains("k-nearest neighbours is trained"));

        // a point of one's own (blue, in orange's corner): the neighbours are asked again on the new data
        click(By.id("addPoints"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(driver.findElement(By.id("points")), 100, -100)
                .click().perform();
        waitUntil(d -> Long.valueOf(501).equals(js("return window.playground.customPoints")) && epoch() == 0);
        waitReady();
        click(By.id("play"));
        waitUntil(d -> epoch() == 1 && !text("testAccuracy").equals("–"));
        @SuppressWarnings("unchecked")
        Map<String, Object> own = (Map<String, Object>) fetch("/api/jobs/" + js("return window.playground.jobId"));
        assertThat(String.valueOf(own.get("spec"))).contains("name=points").contains("kind=knn");
    }

    @Test
    void aForestGrowsATreeAStepAndTheSvmOffersItsKernelsOptions() throws Exception {
        open("#dataset=circle&model=forest&trees=10&speed=max");
        waitReady();
        assertThat(text("classicPanel")).contains("random forest").contains("one step is one tree");
        click(By.id("step"));
        waitUntil(d -> epoch() == 1 && !text("testAccuracy").equals("–"));
        click(By.id("play"));
        waitUntil(d -> epoch() == 10 && Boolean.FALSE.equals(js("return window.playground.running")));
        assertThat(percent("testAccuracy")).isGreaterThanOrEqualTo(90.0);
        mapAgreesWithServerPredictions();

        new Select(driver.findElement(By.id("model"))).selectByValue("svm");
        waitUntil(d -> d.getCurrentUrl().contains("model=svm"));
        assertThat(driver.findElements(By.id("classic-degree"))).isEmpty();
        new Select(driver.findElement(By.id("classic-kernel"))).selectByValue("polynomial");
        waitUntil(d -> !d.findElements(By.id("classic-degree")).isEmpty());
        new Select(driver.findElement(By.id("classic-kernel"))).selectByValue("linear");
        waitUntil(d -> d.findElements(By.id("classic-degree")).isEmpty() && d.findElements(By.id("classic-gamma")).isEmpty());
        // a regression problem has the network only
        new Select(driver.findElement(By.id("problem"))).selectByValue("regression");
        waitUntil(d -> d.getCurrentUrl().contains("model=network") && !d.findElement(By.id("model")).isEnabled());
        assertThat(driver.findElement(By.id("network")).isDisplayed()).isTrue();
    }

    @Test
    void adaboostShowsEachRoundsErrorAndWeightAsTheLectureComputesThem() {
        open("#dataset=xor&noise=10&model=adaboost&rounds=10&speed=5");
        waitReady();
        assertThat(text("classicPanel")).contains("Adaboost (perceptrons)").contains("one step is one boosting round");
        assertThat(text("classicSteps")).isEqualTo("boosting round 0 of 10");
        assertThat(text("testLossName")).isEqualTo("Test error");
        click(By.id("step"));
        waitUntil(d -> epoch() == 1 && text("classicSteps").startsWith("boosting round 1 of 10: ε = "));
        click(By.id("play"));
        waitUntil(d -> epoch() == 10 && text("classicSteps").startsWith("boosting round 10 of 10: ε = "));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ε = (\\d\\.\\d{3}), α = (-?\\d+\\.\\d{3})")
                .matcher(text("classicSteps"));
        assertThat(m.find()).as(text("classicSteps")).isTrue();
        double error = Double.parseDouble(m.group(1));
        double alpha = Double.parseDouble(m.group(2));
        // α_t = ½·ln((1 − ε_t)/ε_t), to the three decimals shown
        assertThat(alpha).isCloseTo(0.5 * Math.log((1 - error) / error), Offset.offset(0.003));
        assertThat(error).isBetween(0.0, 0.5);
    }

    @Test
    void anSvmOnThreeClassesColoursEachClassItPredicts() {
        open("#classes=3&dataset=gauss&model=svm&speed=max");
        waitReady();
        // Adaboost tells two classes apart only: it is not offered for three
        assertThat(new Select(driver.findElement(By.id("model"))).getOptions()).extracting(o -> o.getAttribute("value"))
                .containsExactly("network", "knn", "tree", "forest", "svm");
        click(By.id("play"));
        waitUntil(d -> epoch() == 1 && !text("testAccuracy").equals("–"));
        assertThat(percent("testAccuracy")).isGreaterThanOrEqualTo(90.0);
        mapAgreesWithServerPredictions(true);
    }

    /**
     * Grid nodes of the 50×50 map: the pixel drawn there has the colour of the server's prediction for that point
     * (P(class 1), the second class score).
     */
    private void mapAgreesWithServerPredictions() {
        mapAgreesWithServerPredictions(false);
    }

    private double percent(String id) {
        return Double.parseDouble(text(id).replace("%", "").strip());
    }

    private Object fetch(String path) {
        return ((JavascriptExecutor) driver).executeAsyncScript("""
                const [path, done] = arguments;
                fetch(path).then(r => r.json()).then(done).catch(e => done(String(e)));
                """, path);
    }

    /** A classic model's map at six cells: P(class 1)'s colour, or with several classes the argmax class's. */
    private void mapAgreesWithServerPredictions(boolean classes) {
        mapAgreesWithServerPredictions(classes, 1, new int[][] {{5, 7}, {25, 25}, {40, 12}, {49, 0}, {0, 49}, {12, 38}});
    }
}
