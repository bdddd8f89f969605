package nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a student does on /playground, in Debian's headless Chromium: the page trains on the server
 * through the job API and draws what the live messages bring.
 */
class PlaygroundBrowserIT extends PlaygroundBrowserTest {

    @Test
    void studentTrainsTheSpiralPausesAndStepsOnce() throws Exception {
        open("");
        click(By.cssSelector("[data-dataset=spiral]"));
        click(By.id("addLayer"));
        click(By.cssSelector(".add-neuron"));
        click(By.cssSelector(".add-neuron"));
        waitUntil(d -> js("return window.playground.state.networkShape.join(',')").equals("6,2,2"));
        assertThat(js("return window.playground.state.dataset")).isEqualTo("spiral");
        assertThat(driver.findElements(By.cssSelector(".node.neuron"))).hasSize(6 + 2 + 2 + 1);
        waitReady();
        assertThat(epoch()).isZero();
        assertThat(js("return window.playground.pointsShown")).isEqualTo(250L);
        click(By.id("showTestData"));
        waitUntil(d -> Long.valueOf(500L).equals(js("return window.playground.pointsShown")));
        assertThat(driver.getCurrentUrl()).contains("showTestData=true");

        click(By.id("play"));
        waitUntil(d -> epoch() >= 3 && !text("testLoss").equals("–"));
        String firstLoss = text("testLoss");
        assertThat(firstLoss).matches("\\d+\\.\\d{3}");
        waitUntil(d -> !text("testLoss").equals(firstLoss));
        Path shot = screenshot("playground-spiral-training.png");
        System.out.println("[playground] screenshot mid-training: " + shot.toAbsolutePath());

        // a lost connection is shown, then recovered without losing the run or an epoch of its history
        long beforeDrop = epoch();
        js("window.playground.dropConnection()");
        waitUntil(d -> d.findElement(By.id("connection")).isDisplayed());
        waitUntil(d -> !d.findElement(By.id("connection")).isDisplayed() && epoch() > beforeDrop + 5);
        assertThat(text("testAccuracy")).matches("\\d+\\.\\d %");

        click(By.id("play"));
        long paused = waitForStableEpoch();
        @SuppressWarnings("unchecked")
        List<Number> seen = (List<Number>) js("return window.playground.historyEpochs");
        assertThat(seen).hasSize((int) paused);
        for (int i = 0; i < seen.size(); i++) assertThat(seen.get(i).longValue()).isEqualTo(i + 1L);
        click(By.id("step"));
        waitUntil(d -> epoch() == paused + 1);
        Thread.sleep(800);
        assertThat(epoch()).isEqualTo(paused + 1);

        heatmapAgreesWithServerPredictions();
    }

    @Test
    void oneTableReadsAndWritesTheHash() {
        open("#dataset=gauss&networkShape=3&seed=42");
        waitReady();
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/playground/state.js').then(({fromHash, toHash}) => {
                  const s = fromHash('#dataset=reg-gauss&problem=regression&noise=35&trainRatio=70&batchSize=30'
                      + '&learningRate=0.003&optimizer=adam&activation=relu&regularization=L2&regularizationRate=0.01'
                      + '&networkShape=8,1,3&layerActivations=,sigmoid&features=x1sq,sinx2&seed=7'
                      + '&showTestData=true&discretize=true'
                      + '&initZero=true&hide=noise,features');
                  const again = fromHash(toHash(s));
                  const bad = fromHash('#noise=7&learningRate=2&networkShape=9&dataset=moon&features=x9');
                  done(JSON.stringify([JSON.stringify(s) === JSON.stringify(again), s.networkShape, s.layerActivations, s.hide,
                      bad.noise, bad.learningRate, bad.networkShape, bad.dataset, bad.features]));
                }).catch(e => done(String(e)));
                """);
        assertThat(result).isEqualTo("[true,[8,1,3],[\"\",\"sigmoid\"],[\"noise\",\"features\"],0,0.03,[4,2],\"circle\",[\"x1\",\"x2\"]]");
        assertThat(driver.getCurrentUrl()).contains("dataset=gauss").contains("networkShape=3").contains("seed=42");
    }

    @Test
    void theRunGoesOnPastOneJobsEpochLimit() {
        open("#dataset=gauss&networkShape=2&batchSize=30&speed=max");
        waitReady();
        click(By.id("play"));
        new WebDriverWait(driver, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(200))
                .until(d -> epoch() > 10_020);
        click(By.id("play"));
        long paused = waitForStableEpoch();
        @SuppressWarnings("unchecked")
        List<Number> seen = (List<Number>) js("return window.playground.historyEpochs");
        java.util.List<Long> gaps = new java.util.ArrayList<>();
        for (int i = 1; i < seen.size(); i++) {
            if (seen.get(i).longValue() != seen.get(i - 1).longValue() + 1) gaps.add(seen.get(i - 1).longValue());
        }
        assertThat(gaps).as("epochs after which the history has a gap").isEmpty();
        assertThat(seen).hasSize((int) paused);
        assertThat(seen.get(seen.size() - 1).longValue()).isEqualTo(paused);
        assertThat(text("error")).as("job %s", js("return window.playground.jobId")).isEmpty();
    }

    @Test
    void regressionOnThePlaneLearns() {
        open("#dataset=circle");
        waitReady();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("problem"))).selectByValue("regression");
        waitUntil(d -> "reg-plane".equals(js("return window.playground.state.dataset")));
        assertThat(driver.findElements(By.cssSelector("[data-dataset]"))).hasSize(2);
        waitReady();
        click(By.id("play"));
        waitUntil(d -> epoch() >= 20);
        click(By.id("play"));
        waitForStableEpoch();
        assertThat(Double.parseDouble(text("testLoss"))).isLessThan(0.05);
        assertThat(text("testAccuracy")).isEqualTo("–");
        assertThat(driver.getCurrentUrl()).contains("problem=regression").contains("dataset=reg-plane");
    }

    @Test
    void aWeightSetByClickingItsLinkIsTheOneTrainingGoesOnFrom() {
        open("#dataset=xor&networkShape=3");
        waitReady();
        click(By.id("play"));
        waitUntil(d -> epoch() >= 3);
        click(By.id("play"));
        long paused = waitForStableEpoch();
        String before = (String) js("return window.playground.jobId");
        clickLink(0, 1, 2);
        WebElement editor = new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.cssSelector(".weight-editor")));
        editor.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "2.5",
                org.openqa.selenium.Keys.ENTER);
        waitUntil(d -> driver.findElement(By.cssSelector(
                "path.link[data-layer='0'][data-input='1'][data-unit='2'] title")).getAttribute("textContent")
                .equals("weight 2.500"));
        assertThat(epoch()).isEqualTo(paused);
        // the next epoch is a new job's, from the trained weights with this one changed
        click(By.id("step"));
        waitUntil(d -> epoch() == paused + 1);
        assertThat(js("return window.playground.jobId")).isNotEqualTo(before);
        assertThat(((Number) jobSpec("model.weights.kernels.0.1.2")).doubleValue()).isEqualTo(2.5);
    }

    @Test
    void eachLayersNeuronCountStandsClearOfItsButtons() {
        open("#networkShape=4,2");
        waitReady();
        @SuppressWarnings("unchecked")
        List<Number> gaps = (List<Number>) js("return [...document.querySelectorAll('.layer-buttons')].map(b =>"
                + " b.querySelector('.units').getBoundingClientRect().left"
                + " - b.querySelector('.remove-neuron').getBoundingClientRect().right)");
        assertThat(driver.findElements(By.cssSelector(".layer-buttons .units"))).extracting(WebElement::getText)
                .containsExactly("4 neurons", "2 neurons");
        assertThat(gaps).hasSize(2).allSatisfy(g -> assertThat(g.doubleValue()).isGreaterThanOrEqualTo(4));
    }

    @Test
    void eachHiddenLayerCanHaveItsOwnActivation() {
        open("#networkShape=3,2&activation=tanh&layerActivations=,relu");
        waitReady();
        assertThat(driver.findElements(By.cssSelector(".layer-activation")).get(1).getAttribute("value")).isEqualTo("relu");
        new org.openqa.selenium.support.ui.Select(driver.findElements(By.cssSelector(".layer-activation")).get(0))
                .selectByValue("sigmoid");
        waitUntil(d -> driver.getCurrentUrl().contains("layerActivations=sigmoid%2Crelu"));
        waitReady();
        click(By.id("step"));
        waitUntil(d -> epoch() == 1);
        Object activations = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(`/api/jobs/${window.playground.jobId}`)
                  .then(r => r.json()).then(j => done(j.spec.model.layers.map(l => l.activation).join(',')))
                  .catch(e => done(String(e)));
                """);
        assertThat(activations).isEqualTo("sigmoid,relu,sigmoid");
    }

    @Test
    void dropoutChosenOnThePageReachesEveryHiddenLayerOfTheJob() {
        open("#networkShape=4,3");
        waitReady();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("dropout"))).selectByValue("0.2");
        waitUntil(d -> driver.getCurrentUrl().contains("dropout=0.2"));
        waitReady();
        click(By.id("step"));
        waitUntil(d -> epoch() == 1);
        Object dropouts = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(`/api/jobs/${window.playground.jobId}`)
                  .then(r => r.json()).then(j => done(j.spec.model.layers.map(l => l.dropout ?? 0).join(',')))
                  .catch(e => done(String(e)));
                """);
        assertThat(dropouts).isEqualTo("0.2,0.2,0");
        click(By.id("play"));
        waitUntil(d -> epoch() >= 3);
        click(By.id("play"));
    }

    @Test
    void hoveringANeuronShowsItLargeAndDiscretizeKeepsTwoColours() {
        open("#dataset=circle&networkShape=4");
        waitReady();
        click(By.id("play"));
        waitUntil(d -> epoch() >= 5);
        click(By.id("play"));
        waitForStableEpoch();
        String neuron = "document.querySelector('.node.neuron[data-layer=\"0\"][data-unit=\"1\"] canvas').toDataURL()";
        String heatmap = "document.getElementById('heatmap').toDataURL()";
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(driver.findElement(By.cssSelector(".node.neuron[data-layer='0'][data-unit='1']"))).perform();
        waitUntil(d -> js("return " + neuron + " === " + heatmap).equals(true));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(driver.findElement(By.id("epoch"))).perform();
        waitUntil(d -> js("return " + neuron + " !== " + heatmap).equals(true));

        click(By.id("discretize"));
        waitUntil(d -> driver.getCurrentUrl().contains("discretize=true"));
        waitUntil(d -> ((Number) js("""
                const c = document.getElementById('heatmap');
                const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                const colours = new Set();
                for (let i = 0; i < data.length; i += 4) colours.add(data[i] + ',' + data[i + 1] + ',' + data[i + 2]);
                return colours.size;
                """)).intValue() <= 2);
    }

    @Test
    void aLinkWithHiddenControlsHidesThem() {
        open("#dataset=xor&noise=15&hide=noise,batchSize,learningRate,regenerate");
        waitReady();
        for (String hidden : List.of("noise", "batchSize", "learningRate", "regenerate")) {
            assertThat(driver.findElement(By.cssSelector("[data-control=" + hidden + "]")).isDisplayed())
                    .as(hidden).isFalse();
        }
        assertThat(driver.findElement(By.cssSelector("[data-control=trainRatio]")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("[data-dataset=xor]")).getAttribute("class")).contains("selected");
        assertThat(js("return window.playground.state.noise")).isEqualTo(15L);
    }

    @Test
    void allWeightsAtZeroKeepEveryNeuronOfALayerAlike() {
        open("#dataset=circle&networkShape=4,3&initZero=true&activation=tanh&learningRate=0.3");
        waitReady();
        click(By.id("play"));
        waitUntil(d -> epoch() >= 5);
        click(By.id("play"));
        waitForStableEpoch();
        for (int layer = 0; layer < 2; layer++) {
            @SuppressWarnings("unchecked")
            List<String> maps = (List<String>) js("return [...document.querySelectorAll("
                    + "'.node.neuron[data-layer=\"" + layer + "\"] canvas')].map(c => c.toDataURL())");
            assertThat(maps).hasSizeGreaterThan(1);
            assertThat(maps).as("layer %d", layer).allMatch(m -> m.equals(maps.get(0)));
        }
    }

    @Test
    void aThirdClassTrainsWithASoftmaxAndColoursTheArgmax() throws Exception {
        open("#dataset=gauss&networkShape=4");
        waitReady();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("classes"))).selectByValue("3");
        waitUntil(d -> driver.getCurrentUrl().contains("classes=3"));
        assertThat(driver.findElements(By.cssSelector("[data-dataset=xor]"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".node.output"))).hasSize(3);
        waitReady();
        assertThat(js("return [...new Set(window.playground.points.train.map(x => x[2]))].sort()"))
                .isEqualTo(List.of(0L, 1L, 2L));
        click(By.id("play"));
        waitUntil(d -> epoch() >= 5 && !text("testAccuracy").equals("–"));
        click(By.id("play"));
        long paused = waitForStableEpoch();
        click(By.id("step"));
        waitUntil(d -> epoch() == paused + 1);
        sleep(500);
        heatmapAgreesWithServerPredictions(true);
        // the three gaussians are easy: the net gets most points right
        waitUntil(d -> Double.parseDouble(text("trainAccuracy").replace(" %", "")) > 60);
        System.out.println("[playground] screenshot, three classes: "
                + screenshot("playground-three-classes.png").toAbsolutePath());
    }

    @Test
    void exportAsKerasOrPyTorchDownloadsAScriptOfTheRunWithLinksToItsDataAndWeights() throws Exception {
        open("#dataset=circle&networkShape=3");
        waitReady();
        click(By.id("play"));
        waitUntil(d -> epoch() >= 3);
        click(By.id("play"));
        waitForStableEpoch();
        String job = (String) js("return window.playground.jobId");
        assertThat(job).isNotNull();

        click(By.cssSelector(".export-code .export-keras"));
        waitUntil(d -> "keras".equals(js("return (window.playground.exportedCode || {}).framework")));
        assertThat(js("return window.playground.exportedCode.name")).isEqualTo("nnlab-job-" + job + "-keras.py");
        String keras = (String) js("return window.playground.exportedCode.text");
        assertThat(keras).contains("\"\"\"nnlab job " + job + " as a Keras (tf.keras) script.",
                "model = tf.keras.Sequential([", "tf.keras.layers.Dense(3, activation=",
                "def playground_features(points):", "default=\"nnlab-job-" + job + "-data.csv\"");
        String info = driver.findElement(By.cssSelector(".export-code .export-info")).getText();
        assertThat(info).contains("nnlab-job-" + job + "-keras.py downloaded.", "its data (CSV)", "the trained weights");

        // the links beside it are the job's own files: its points with their part, its weights now
        String csv = (String) js("return fetch(arguments[0]).then((r) => r.text())",
                driver.findElement(By.cssSelector(".export-code a.export-data-csv")).getAttribute("href"));
        assertThat(csv).startsWith("x1,x2,label,split\n").contains(",train\n", ",test\n");
        String weights = (String) js("return fetch(arguments[0]).then((r) => r.text())",
                driver.findElement(By.cssSelector(".export-code a.export-weights-json")).getAttribute("href"));
        assertThat(weights).contains("\"format\":\"nnlab-weights/1\"", "\"jobId\":\"" + job + "\"");

        click(By.cssSelector(".export-code .export-pytorch"));
        waitUntil(d -> "pytorch".equals(js("return window.playground.exportedCode.framework")));
        assertThat((String) js("return window.playground.exportedCode.text")).contains("model = nn.Sequential(",
                "nn.Linear(2, 3)");
    }

    @Test
    void exportedWeightsImportedAgainStartARunFromThemAndMisfitsAreExplained() throws Exception {
        open("#dataset=circle&networkShape=3");
        waitReady();
        click(By.id("play"));
        waitUntil(d -> epoch() >= 5);
        click(By.id("play"));
        waitForStableEpoch();
        click(By.id("exportWeights"));
        waitUntil(d -> Boolean.TRUE.equals(js("return !!window.playground.exported")));
        Path file = Files.createTempFile("playground-weights", ".json");
        Files.writeString(file, (String) js("return window.playground.exported"));
        driver.findElement(By.id("importWeights")).sendKeys(file.toAbsolutePath().toString());
        waitUntil(d -> epoch() == 0 && js("return window.playground.jobId") == null);
        waitReady();
        // the imported weights are the page's, and the first epoch's job starts from them
        String difference = """
                const file = JSON.parse(window.playground.exported).weights, shown = arguments[0];
                const a = [file.kernels, file.biases].flat(3), b = [shown.kernels, shown.biases].flat(3);
                return a.length === b.length && a.length > 0 ? Math.max(...a.map((v, i) => Math.abs(v - b[i]))) : -1;
                """;
        waitUntil(d -> Boolean.TRUE.equals(js("return !!window.playground.weights")));
        assertThat(((Number) js(difference, js("return window.playground.weights"))).doubleValue()).isBetween(0.0, 1e-6);
        click(By.id("step"));
        waitUntil(d -> epoch() == 1);
        assertThat(((Number) js(difference, jobSpec("model.weights"))).doubleValue()).isBetween(0.0, 1e-6);

        click(By.cssSelector(".add-neuron"));
        waitUntil(d -> "4".equals(js("return window.playground.state.networkShape.join(',')")));
        waitReady();
        String fourNeurons = (String) js("return window.playground.jobId");
        driver.findElement(By.id("importWeights")).sendKeys(file.toAbsolutePath().toString());
        waitUntil(d -> String.valueOf(js("return window.playground.error")).contains("2-3-1 network, this one is 2-4-1"));
        // said beside the file input, not at the bottom of the page
        assertThat(text("fileError")).contains("2-3-1 network, this one is 2-4-1");
        assertThat(js("return document.getElementById('fileError').parentElement"
                + " === document.getElementById('importWeights').closest('.files')")).isEqualTo(true);
        assertThat(js("return window.playground.jobId")).isEqualTo(fourNeurons);

        Path notJson = Files.createTempFile("not-weights", ".json");
        Files.writeString(notJson, "<img src=x onerror=alert(1)>");
        driver.findElement(By.id("importWeights")).sendKeys(notJson.toAbsolutePath().toString());
        waitUntil(d -> String.valueOf(js("return window.playground.error")).contains("not JSON"));
        assertThat(driver.findElements(By.cssSelector("#error img"))).isEmpty();
    }

    @Test
    void pointsAddedByClickingAndFromACsvFileTrainOnTheServer() throws Exception {
        open("#dataset=gauss&networkShape=2");
        waitReady();
        click(By.id("addPoints"));
        WebElement canvas = driver.findElement(By.id("points"));
        // the 300 px canvas spans [-6, 6]²: 75 px right of and above the centre is (3, 3)
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(canvas, 75, -75).click().perform();
        waitUntil(d -> Long.valueOf(501).equals(js("return window.playground.customPoints")));
        waitReady();
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(canvas, -75, 75).contextClick().perform();
        waitUntil(d -> Long.valueOf(502).equals(js("return window.playground.customPoints")));
        assertThat(text("pointsInfo")).isEqualTo("502 points of your own");
        // the server's split of the points, as its preview has them; the first epoch's job trains on them
        String near = """
                const all = window.playground.points ? window.playground.points.train.concat(window.playground.points.test) : [];
                const near = (x, y, label) => all.some(q => Math.abs(q[0] - x) < 0.1 && Math.abs(q[1] - y) < 0.1 && q[2] === label);
                return [all.length, near(3, 3, 1), near(-3, -3, 0)];
                """;
        waitUntil(d -> List.of(502L, true, true).equals(js(near)));
        click(By.id("step"));
        waitUntil(d -> epoch() == 1);
        assertThat(((List<?>) jobSpec("dataset.points")).size()).isEqualTo(502);

        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 10; i++) csv.append(2 + i * 0.1).append(',').append(2).append(",1\n");
        for (int i = 0; i < 10; i++) csv.append(-2 - i * 0.1).append(";-2;-1\r\n");
        Path file = Files.createTempFile("points", ".csv");
        Files.writeString(file, csv);
        driver.findElement(By.id("csvPoints")).sendKeys(file.toAbsolutePath().toString());
        waitUntil(d -> Long.valueOf(20).equals(js("return window.playground.customPoints")));
        waitUntil(d -> Long.valueOf(10).equals(js("return window.playground.pointsShown")));
        click(By.id("play"));
        waitUntil(d -> epoch() >= 3 && !text("testLoss").equals("–"));
        click(By.id("play"));
        waitForStableEpoch();

        Path bad = Files.createTempFile("bad-points", ".csv");
        Files.writeString(bad, "1,2,1\n3,<b>4</b>\n");
        driver.findElement(By.id("csvPoints")).sendKeys(bad.toAbsolutePath().toString());
        waitUntil(d -> String.valueOf(js("return window.playground.error")).contains("line 2: expected x1,x2,label"));
        assertThat(text("pointsError")).contains("line 2: expected x1,x2,label");
        assertThat(js("return document.getElementById('pointsError').parentElement"
                + " === document.getElementById('csvPoints').closest('.own-points')")).isEqualTo(true);
        assertThat(js("return window.playground.customPoints")).isEqualTo(20L);
        click(By.id("clearPoints"));
        waitUntil(d -> Long.valueOf(0).equals(js("return window.playground.customPoints")));
        waitUntil(d -> Long.valueOf(250).equals(js("return window.playground.pointsShown")));
    }

    @Test
    void aPinnedRunsLossStaysOnTheChartBesideTheNextRun() {
        open("#dataset=circle&networkShape=2");
        waitReady();
        click(By.id("play"));
        waitUntil(d -> epoch() >= 5);
        click(By.id("play"));
        long first = waitForStableEpoch();
        click(By.id("pinRun"));
        waitUntil(d -> ((Number) js("return window.playground.pinnedEpochs")).longValue() == first);
        assertThat(text("pinnedInfo")).startsWith("pinned (dashed): circle, 2-2-out").endsWith("at epoch " + first);

        waitUntil(d -> pinnedPixels() > 10);

        // a new run with another network: the pinned curves stay
        click(By.cssSelector(".add-neuron"));
        waitUntil(d -> "3".equals(js("return window.playground.state.networkShape.join(',')")) && epoch() == 0);
        waitReady();
        assertThat(pinnedPixels()).isGreaterThan(10);
        click(By.id("play"));
        waitUntil(d -> epoch() >= 3);
        click(By.id("play"));
        waitForStableEpoch();
        assertThat(pinnedPixels()).isGreaterThan(10);
        assertThat(((Number) js("return window.playground.pinnedEpochs")).longValue()).isEqualTo(first);

        click(By.id("unpinRun"));
        waitUntil(d -> pinnedPixels() == 0);
        assertThat(text("pinnedInfo")).isEmpty();
    }

    @Test
    void aClickOnALinksMidpointOpensThatLinkAndEveryLinkHasAWideHitArea() {
        open("#dataset=xor&networkShape=4,2");
        waitShown();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = (List<Map<String, Object>>) js("""
                return [...document.querySelectorAll('#network g.link-pair')].map(g => {
                  const [line, hit] = g.children;
                  const p = line.getPointAtLength(line.getTotalLength() / 2);
                  const m = line.getScreenCTM();
                  return {x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f,
                    drawn: Number(line.getAttribute('stroke-width')), hit: Number(hit.getAttribute('stroke-width')),
                    key: [hit.dataset.layer, hit.dataset.input, hit.dataset.unit].join('/')};
                });
                """);
        assertThat(links).hasSize(2 * 4 + 4 * 2 + 2);
        long thin = links.stream().filter(l -> ((Number) l.get("drawn")).doubleValue() < 1).count();
        assertThat(thin).as("links drawn under 1 px wide").isZero();
        java.util.List<String> opened = new java.util.ArrayList<>();
        for (Map<String, Object> link : links) {
            assertThat(((Number) link.get("hit")).doubleValue()).as("hit width of %s", link).isGreaterThanOrEqualTo(8);
            new org.openqa.selenium.interactions.Actions(driver)
                    .moveToLocation((int) Math.round(((Number) link.get("x")).doubleValue()),
                            (int) Math.round(((Number) link.get("y")).doubleValue()))
                    .click().perform();
            WebElement editor = new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.cssSelector(".weight-editor")));
            opened.add(editor.getAttribute("data-layer") + "/" + editor.getAttribute("data-input") + "/"
                    + editor.getAttribute("data-unit"));
            editor.sendKeys(org.openqa.selenium.Keys.ESCAPE);
            waitUntil(d -> d.findElements(By.cssSelector(".weight-editor")).isEmpty());
        }
        assertThat(opened).containsExactlyElementsOf(links.stream().map(l -> (String) l.get("key")).toList());
    }

    @Test
    void aClickBesideAThinLinkStillOpensIt() {
        open("#dataset=gauss&networkShape=1");
        waitShown();
        // the hidden neuron's link to the output, set to a small weight: drawn about 1 px wide
        clickLink(1, 0, 0);
        typeIntoEditor("0.05");
        waitUntil(d -> driver.findElement(By.cssSelector("path.link[data-layer='1'] title")).getAttribute("textContent")
                .equals("weight 0.050"));
        assertThat(((Number) js("return Number(document.querySelector('path.link[data-layer=\"1\"]')"
                + ".previousElementSibling.getAttribute('stroke-width'))")).doubleValue()).isLessThan(1.5);
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) js("""
                const line = document.querySelector('path.link[data-layer="1"]').previousElementSibling;
                const q = line.getPointAtLength(line.getTotalLength() / 2);
                const m = line.getScreenCTM();
                return {x: m.a * q.x + m.c * q.y + m.e, y: m.b * q.x + m.d * q.y + m.f};
                """);
        for (int off : new int[]{-4, 4}) {
            new org.openqa.selenium.interactions.Actions(driver)
                    .moveToLocation((int) Math.round(p.get("x").doubleValue()), (int) Math.round(p.get("y").doubleValue()) + off)
                    .click().perform();
            WebElement editor = new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.cssSelector(".weight-editor")));
            assertThat(editor.getAttribute("data-layer")).as("%d px off the line", off).isEqualTo("1");
            editor.sendKeys(org.openqa.selenium.Keys.ESCAPE);
            waitUntil(d -> d.findElements(By.cssSelector(".weight-editor")).isEmpty());
        }
    }

    @Test
    void editingAWeightAndABiasShowsTheirLossAtOnceAndTheNextEpochsStartFromThem() {
        open("#dataset=gauss&networkShape=&features=x1,x2&seed=3");
        waitShown();
        String initial = text("testLoss");
        clickLink(0, 0, 0);
        typeIntoEditor("1");
        waitUntil(d -> Double.valueOf(1).equals(number("return window.playground.weights.kernels[0][0][0]")));
        waitUntil(d -> shownMatchesPreview());
        String afterWeight = text("testLoss");
        assertThat(afterWeight).isNotEqualTo(initial);

        click(By.cssSelector(".node.output .bias"));
        typeIntoEditor("0.5");
        waitUntil(d -> Double.valueOf(0.5).equals(number("return window.playground.weights.biases[0][0]")));
        waitUntil(d -> shownMatchesPreview() && !text("testLoss").equals(afterWeight));
        assertThat(epoch()).isZero();
        System.out.printf("[playground] test loss %s at the first weights, %s with w1 = 1, %s with the bias 0.5%n",
                initial, afterWeight, text("testLoss"));

        // the next epoch trains from the edited weights
        click(By.id("step"));
        waitUntil(d -> epoch() == 1);
        @SuppressWarnings("unchecked")
        List<Number> start = (List<Number>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(`/api/jobs/${window.playground.jobId}`).then(r => r.json())
                  .then(j => done([j.spec.model.weights.kernels[0][0][0], j.spec.model.weights.biases[0][0]]))
                  .catch(e => done([String(e)]));
                """);
        assertThat(start).extracting(Number::doubleValue).containsExactly(1.0, 0.5);

        // a click on a link while training pauses the run and opens the field
        click(By.id("play"));
        waitUntil(d -> epoch() >= 5);
        clickLink(0, 1, 0);
        new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.cssSelector(".weight-editor")));
        waitUntil(d -> Boolean.FALSE.equals(js("return window.playground.running")));
        driver.findElement(By.cssSelector(".weight-editor")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
    }

    @Test
    void resetDrawsNewWeightsOnTheSameDataAndRegenerateDrawsNewData() {
        open("#dataset=circle&networkShape=3&seed=5&dataSeed=9");
        waitShown();
        String points = (String) js("return JSON.stringify(window.playground.points)");
        String weights = (String) js("return JSON.stringify(window.playground.weights)");
        click(By.id("reset"));
        waitUntil(d -> d.getCurrentUrl().contains("&seed=6&dataSeed=9&"));
        waitUntil(d -> Boolean.TRUE.equals(js("return !!window.playground.weights && !!window.playground.points"
                + " && JSON.stringify(window.playground.weights) !== arguments[0]", weights)));
        assertThat(js("return JSON.stringify(window.playground.points)")).as("the same points after ⟲").isEqualTo(points);

        click(By.id("regenerate"));
        waitUntil(d -> !d.getCurrentUrl().contains("dataSeed=9&"));
        waitUntil(d -> Boolean.TRUE.equals(js("return !!window.playground.points"
                + " && JSON.stringify(window.playground.points) !== arguments[0]", points)));
        assertThat(js("return window.playground.seed")).as("Regenerate keeps the weights seed").isEqualTo(6L);
        assertThat(driver.getCurrentUrl()).contains("dataSeed=" + js("return window.playground.dataSeed"));
    }

    @Test
    void aClickOnTheMapAddsAPointOnlyInTheAddPointsMode() {
        open("#dataset=gauss&networkShape=2");
        waitShown();
        assertThat(driver.findElement(By.id("addPoints")).isSelected()).isFalse();
        long shown = ((Number) js("return window.playground.pointsShown")).longValue();
        WebElement canvas = driver.findElement(By.id("points"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(canvas, 75, -75).click().perform();
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(canvas, -75, 75).contextClick().perform();
        sleep(1000);
        assertThat(js("return window.playground.customPoints")).isEqualTo(0L);
        assertThat(js("return window.playground.pointsShown")).isEqualTo(shown);

        click(By.id("addPoints"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(canvas, 75, -75).click().perform();
        waitUntil(d -> Long.valueOf(501).equals(js("return window.playground.customPoints")));

        open("#dataset=gauss&networkShape=2&hide=addPoints");
        waitShown();
        assertThat(driver.findElement(By.cssSelector("[data-control=addPoints]")).isDisplayed()).isFalse();
    }

    @Test
    void theLegendSaysWhatTheColoursMeanAndTheLayerCountIsSingularOrPlural() {
        open("#dataset=circle&networkShape=4");
        waitShown();
        assertThat(driver.findElement(By.cssSelector("section.network h2")).getAttribute("textContent"))
                .contains("1 hidden layer").doesNotContain("layers");
        assertThat(text("legend")).contains("−1").contains("orange: class 0, blue: class 1").contains("undecided");
        assertThat(driver.findElements(By.cssSelector("#legend .legend-bar"))).hasSize(1);
        // before the first epoch the neurons' maps show the first weights (from the preview)
        assertThat(epoch()).isZero();
        waitUntil(d -> Boolean.TRUE.equals(js("""
                const maps = [...document.querySelectorAll('.node.neuron canvas')];
                const painted = (c) => c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0);
                return maps.length === 5 && maps.every(painted);
                """)));
        open("#dataset=circle&networkShape=4,2");
        waitShown();
        assertThat(driver.findElement(By.cssSelector("section.network h2")).getAttribute("textContent")).contains("2 hidden layers");
        open("#dataset=gauss&classes=3&networkShape=3");
        waitShown();
        assertThat(driver.findElements(By.cssSelector("#legend .legend-swatch"))).hasSize(3);
        assertThat(text("legend")).contains("class 0").contains("class 2");
        open("#problem=regression&networkShape=");
        waitShown();
        assertThat(driver.findElement(By.cssSelector("section.network h2")).getAttribute("textContent")).contains("0 hidden layers");
        assertThat(text("legend")).contains("predicted value");
    }

    @Test
    void labThreesFrameHoldsSixLayersOfEightAndAPinnedRunWithoutScrollingSideways() throws Exception {
        driver.get("http://localhost:" + port + "/labs/03-playground");
        waitUntil(d -> "true".equals(js("return document.body.dataset.widgetsReady || ''")));
        WebElement exercise = driver.findElements(By.cssSelector("[data-widget=playground]")).get(3);
        js("arguments[0].scrollIntoView({block: 'start'})", exercise);
        exercise.findElement(By.cssSelector("button.open-frame")).click();
        WebElement frame = exercise.findElement(By.cssSelector("iframe.playground-frame"));
        long frameWidth = Math.round(((Number) js("return arguments[0].clientWidth", frame)).doubleValue());
        driver.switchTo().frame(frame);
        try {
            waitShown();
            js("location.hash = location.hash.replace(/networkShape=[^&]*/, 'networkShape=8,8,8,8,8,8')");
            waitUntil(d -> driver.findElements(By.cssSelector(".node.neuron")).size() == 6 * 8 + 1);
            waitShown();
            click(By.id("step"));
            waitUntil(d -> epoch() == 1);
            click(By.id("step"));
            waitUntil(d -> epoch() == 2);
            click(By.id("pinRun"));
            waitUntil(d -> !text("pinnedInfo").isEmpty());
            @SuppressWarnings("unchecked")
            Map<String, Number> m = (Map<String, Number>) js("""
                    const right = (el) => el.getBoundingClientRect().right;
                    return {scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
                      output: Math.max(...[...document.querySelectorAll('.node.output')].map(right)),
                      pinned: right(document.getElementById('pinnedInfo')),
                      importer: right(document.getElementById('importWeights').closest('label'))};
                    """);
            System.out.printf("[playground] lab frame %d px: %s%n", frameWidth, m);
            assertThat(m.get("client").longValue()).isBetween(frameWidth - 20, frameWidth);
            assertThat(m.get("scroll").longValue()).as("no horizontal overflow").isLessThanOrEqualTo(m.get("client").longValue());
            for (String part : List.of("output", "pinned", "importer")) {
                assertThat(m.get(part).doubleValue()).as(part).isLessThanOrEqualTo(m.get("client").doubleValue());
            }
            assertThat(driver.findElement(By.id("importWeights")).findElement(By.xpath("..")).isDisplayed()).isTrue();
            System.out.println("[playground] screenshot, lab frame with 6 x 8: " + screenshot("playground-lab-frame-6x8.png").toAbsolutePath());
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    @Test
    void labThreesNumbersAreWhatItsPresetsGiveAfterExactly1000Epochs() throws Exception {
        String lab = Files.readString(Path.of("notebooks-content/03-playground.md"));
        driver.get("http://localhost:" + port + "/labs/03-playground");
        waitUntil(d -> "true".equals(js("return document.body.dataset.widgetsReady || ''")));
        List<WebElement> tabs = driver.findElements(By.cssSelector("[data-widget=playground] a.open-playground"));
        String exercise3 = tabs.get(2).getAttribute("href");
        String exercise4 = tabs.get(3).getAttribute("href");
        assertThat(exercise3).contains("stopAt=1000");
        assertThat(exercise4).contains("stopAt=1000").contains("noise=15");
        open(exercise4.substring(exercise4.indexOf('#')));
        waitShown();

        // exercise 4: three runs of 1000 epochs with ⟲ between, i.e. weights seeds 1, 2, 3 on data seed 1
        String four = lab.substring(lab.indexOf("## 4."), lab.indexOf("## 5."));
        java.util.regex.Matcher stated = java.util.regex.Pattern.compile("(\\d\\.\\d{3}) / (\\d\\.\\d{3})").matcher(four);
        List<String> text = new java.util.ArrayList<>();
        while (stated.find()) text.add(stated.group());
        List<String> measured = new java.util.ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            Map<String, Object> run = trainAsThePageWould(exercise4, seed, null);
            assertThat(run).containsEntry("status", "SUCCEEDED").containsEntry("epochs", 1000L);
            measured.add(String.format(java.util.Locale.ROOT, "%.3f / %.3f", run.get("train"), run.get("test")));
        }
        System.out.println("[lab 3] exercise 4, training / test loss at epoch 1000, seeds 1-3: " + measured);
        assertThat(text).as("the numbers lab 3 states").isEqualTo(measured);

        // and as a student gets them on the page: ▶ until it stops at 1000, ⟲, twice more (as fast as it goes)
        open(exercise4.substring(exercise4.indexOf('#')) + "&speed=max");
        waitShown();
        List<String> onThePage = new java.util.ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            click(By.id("play"));
            waitUntil(d -> epoch() == 1000 && Boolean.FALSE.equals(js("return window.playground.running")));
            onThePage.add(text("trainLoss") + " / " + text("testLoss"));
            if (run < 3) {
                click(By.id("reset"));
                int next = run + 1;
                waitUntil(d -> epoch() == 0 && Long.valueOf(next).equals(js("return window.playground.seed")));
                waitShown();
            }
        }
        System.out.println("[lab 3] exercise 4 on the page: " + onThePage);
        assertThat(onThePage).isEqualTo(text);

        // exercise 3's rerun: from the hand-picked weights and from three random starts, the same boundary
        String three = lab.substring(lab.indexOf("## 3."), lab.indexOf("## 4."));
        assertThat(three).contains("$w_1 \\approx w_2 \\approx 2.5$").contains("within 5°").contains("test loss is 0.001");
        java.util.List<String> runs = new java.util.ArrayList<>();
        for (int seed = 0; seed <= 3; seed++) {
            Map<String, Object> run = trainAsThePageWould(exercise3, Math.max(seed, 1), seed == 0 ? List.of(1.0, 1.0) : null);
            assertThat(run).containsEntry("status", "SUCCEEDED").containsEntry("epochs", 1000L);
            double w1 = ((Number) run.get("w1")).doubleValue();
            double w2 = ((Number) run.get("w2")).doubleValue();
            double degrees = Math.toDegrees(Math.atan2(w2, w1));
            runs.add(String.format(java.util.Locale.ROOT, "w %.2f, %.2f at %.1f°, test loss %.4f", w1, w2, degrees,
                    ((Number) run.get("test")).doubleValue()));
            assertThat(w1).as("w1, run %d", seed).isCloseTo(2.5, org.assertj.core.data.Offset.offset(0.25));
            assertThat(w2).as("w2, run %d", seed).isCloseTo(2.5, org.assertj.core.data.Offset.offset(0.25));
            assertThat(degrees).as("direction, run %d", seed).isCloseTo(45, org.assertj.core.data.Offset.offset(5.0));
            assertThat(String.format(java.util.Locale.ROOT, "%.3f", ((Number) run.get("test")).doubleValue())).isEqualTo("0.001");
        }
        System.out.println("[lab 3] exercise 3 after 1000 epochs, hand-picked then seeds 1-3: " + runs);
    }

    /**
     * Trains the job the playground of this link submits (its own jobSpec, with this weights seed and, if given,
     * the hand-picked weights into the output) for the link's stopAt epochs on the server; the last epoch's
     * losses and the trained weights into the output unit.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> trainAsThePageWould(String link, int seed, List<Double> handPicked) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const [link, seed, handPicked, done] = arguments;
                (async () => {
                  const [state, http] = await Promise.all([import('/playground/state.js'), import('/shared/http.js')]);
                  const s = state.fromHash(link.slice(link.indexOf('#')));
                  s.seed = seed; // as ⟲ sets it: the link's points, other weights
                  let weights;
                  if (handPicked) {
                    const start = await http.send('POST', '/api/jobs/preview', state.jobSpec(s));
                    weights = start.weights;
                    handPicked.forEach((w, i) => { weights.kernels[0][i][0] = w; });
                  }
                  const spec = state.jobSpec(s, {weights, paused: false});
                  delete spec.pace;
                  spec.training.epochs = s.stopAt;
                  const job = await http.send('POST', '/api/jobs', spec);
                  let j;
                  do {
                    await new Promise(r => setTimeout(r, 200));
                    j = await http.send('GET', `/api/jobs/${job.id}`);
                  } while (!['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(j.status));
                  const model = await http.send('GET', `/api/jobs/${job.id}/model`);
                  const out = model.weights.kernels.at(-1);
                  return {status: j.status, epochs: j.epochsDone, train: j.last.train.loss, test: j.last.test.loss,
                    w1: out[0][0], w2: out[1] ? out[1][0] : null};
                })().then(done, e => done({error: String(e)}));
                """, link, seed, handPicked);
    }

    /** Clicks a link at the middle of its drawn line, as a student would. */
    private void clickLink(int layer, int input, int unit) {
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) js("""
                const hit = document.querySelector(`#network path.link[data-layer="${arguments[0]}"][data-input="${arguments[1]}"][data-unit="${arguments[2]}"]`);
                const line = hit.previousElementSibling;
                const q = line.getPointAtLength(line.getTotalLength() / 2);
                const m = line.getScreenCTM();
                return {x: m.a * q.x + m.c * q.y + m.e, y: m.b * q.x + m.d * q.y + m.f};
                """, layer, input, unit);
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToLocation((int) Math.round(p.get("x").doubleValue()), (int) Math.round(p.get("y").doubleValue()))
                .click().perform();
    }

    private void typeIntoEditor(String value) {
        WebElement editor = new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.cssSelector(".weight-editor")));
        editor.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), value,
                org.openqa.selenium.Keys.ENTER);
    }

    /** Whether the shown test and training losses are the server's preview of the shown weights (3 decimals). */
    private boolean shownMatchesPreview() {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/playground/state.js'), import('/shared/http.js')]).then(([state, http]) => {
                  const p = window.playground;
                  const spec = state.jobSpec(p.state, {weights: p.weights});
                  return http.send('POST', '/api/jobs/preview', spec);
                }).then(a => done(a.test.loss.toFixed(3) + ' ' + a.train.loss.toFixed(3))).catch(e => done(String(e)));
                """);
        return answer.equals(text("testLoss") + " " + text("trainLoss"));
    }

    private Double number(String script) {
        Object v = js(script);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    /** Waits until the page shows its data, its weights and their losses (with or without a job). */
    private void waitShown() {
        waitUntil(d -> Boolean.TRUE.equals(js("return !!(window.playground && window.playground.pointsShown > 0"
                + " && window.playground.weights && document.getElementById('testLoss').textContent !== '–')")));
    }

    /** Pixels of the loss chart in the pinned run's (red) test-loss colour. */
    private long pinnedPixels() {
        return ((Number) js("""
                const c = document.getElementById('lossChart');
                const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 0; i < data.length; i += 4) {
                  if (data[i + 3] > 128 && data[i] > 150 && data[i + 1] < 110 && data[i + 2] < 110) n++;
                }
                return n;
                """)).longValue();
    }

    private void heatmapAgreesWithServerPredictions() {
        heatmapAgreesWithServerPredictions(false);
    }

    /** A part of the current job's stored spec, by its path ("model.weights"; the page has a job from the first ▶ or step on). */
    private Object jobSpec(String path) {
        return ((JavascriptExecutor) driver).executeAsyncScript("""
                const [path, done] = arguments;
                fetch(`/api/jobs/${window.playground.jobId}`).then(r => r.json())
                  .then(j => done(path.split('.').reduce((v, k) => v[k], j.spec))).catch(e => done(String(e)));
                """, path);
    }

    private long waitForStableEpoch() {
        long[] last = {-1};
        waitUntil(d -> {
            long now = epoch();
            boolean stable = now == last[0] && Boolean.FALSE.equals(js("return window.playground.running"));
            last[0] = now;
            if (!stable) sleep(400);
            return stable;
        });
        return last[0];
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The network's map at five cells: its one output's colour, or with several classes the argmax class's. */
    private void heatmapAgreesWithServerPredictions(boolean classes) {
        mapAgreesWithServerPredictions(classes, 0, new int[][] {{5, 7}, {25, 25}, {40, 12}, {49, 0}, {0, 49}});
    }
}
