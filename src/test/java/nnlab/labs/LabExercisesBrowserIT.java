package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import nnlab.engine.Model;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Labs 2, 3 and 4 in Debian's headless Chromium: the perceptron's line moving epoch by epoch, a playground
 * exercise trained inside its frame, and the XOR picture following edited weights (its forward pass checked
 * against the engine). Screenshots go to target/screenshots/.
 */
class LabExercisesBrowserIT extends LabBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Duration waitLimit() {
        return Duration.ofSeconds(60);
    }

    @Test
    void lab2ThePerceptronsLineMovesEpochByEpochUntilNoPointIsWrong() throws Exception {
        open("/labs/02-perceptron");
        WebElement widget = driver.findElements(By.cssSelector("[data-widget=boundary]")).get(0);
        WebElement box = widget.findElement(By.cssSelector(".boundary"));
        browser.js("arguments[0].scrollIntoView({block: 'start'})", widget);
        long clicked = System.nanoTime();
        widget.findElement(By.cssSelector("button.run")).click();
        // played live: the epochs shown go up one by one while the job is stepped
        java.util.Set<String> seen = new java.util.TreeSet<>();
        new WebDriverWait(driver, waitLimit()).pollingEvery(Duration.ofMillis(50)).until(d -> {
            String e = box.getAttribute("data-epoch");
            if (e != null) seen.add(e);
            return "SUCCEEDED".equals(box.getAttribute("data-status"));
        });
        double seconds = (System.nanoTime() - clicked) / 1e9;
        System.out.printf("[lab 2] from the click to epoch 20 drawn: %.2f s (submit, start frame, 20 steps, 19 pauses of 150 ms): %.0f ms per epoch beyond the pauses%n",
                seconds, (seconds - 19 * 0.15) / 20 * 1000);
        assertThat(seen).as("epochs seen while it trained").hasSizeGreaterThanOrEqualTo(5);
        assertThat(box.getAttribute("data-epoch")).isEqualTo("20");
        String last = box.getAttribute("data-line");
        WebElement slider = widget.findElement(By.cssSelector(".epoch-slider"));
        String start = showEpoch(slider, box, 0);
        // the lab's starting line, −x1 + 0.5·x2 + 2 = 0 (the separable set is not rescaled)
        assertThat(line(start)).containsExactly(new double[] {-1, 0.5, 2}, within(1e-6));
        String first = showEpoch(slider, box, 1);
        assertThat(widget.findElement(By.cssSelector(".epoch-readout")).getText()).startsWith("Epoch 1/20 · ");
        String fifth = showEpoch(slider, box, 5);
        assertThat(first).isNotEqualTo(start);
        assertThat(fifth).isNotEqualTo(first);
        assertThat(last).isNotEqualTo(fifth);
        showEpoch(slider, box, 20);
        // Novikoff: on separable data the rule stops making mistakes
        assertThat(widget.findElement(By.cssSelector(".epoch-readout")).getText()).isEqualTo("Epoch 20/20 · 0 of 80 training points wrong");
        assertThat(widget.findElements(By.cssSelector(".errors-chart circle.marker"))).hasSize(20);
        assertThat(widget.findElements(By.cssSelector(".norm-chart circle.marker"))).hasSize(21);

        // the line drawn is the server's model: the final weights, fetched over the API
        JsonNode model = get("/api/jobs/" + box.getAttribute("data-job-id") + "/model");
        JsonNode k = model.get("weights").get("kernels").get(0);
        double b = model.get("weights").get("biases").get(0).get(0).asDouble();
        assertThat(line(last)).containsExactly(new double[] {k.get(0).get(0).asDouble(), k.get(1).get(0).asDouble(), b}, within(1e-5));

        screenshot("lab2-perceptron-boundary.png", widget);

        // logistic regression on the same points: paused after a few epochs it stays there, and goes on to the end
        WebElement logistic = driver.findElements(By.cssSelector("[data-widget=boundary]")).get(1);
        WebElement logisticBox = logistic.findElement(By.cssSelector(".boundary"));
        browser.js("arguments[0].scrollIntoView({block: 'start'})", logistic);
        logistic.findElement(By.cssSelector("button.run")).click();
        waitUntil(d -> Integer.parseInt(java.util.Objects.requireNonNullElse(logisticBox.getAttribute("data-epoch"), "0")) >= 3);
        logistic.findElement(By.cssSelector("button.pause")).click();
        // an epoch under way when pause was pressed still arrives; then the job waits, paused, at the epoch shown
        String logisticJob = logisticBox.getAttribute("data-job-id");
        Function<WebDriver, Boolean> settled = d -> {
            try {
                JsonNode job = get("/api/jobs/" + logisticJob);
                return job.get("status").asText().equals("PAUSED")
                        && job.get("epochsDone").asText().equals(logisticBox.getAttribute("data-epoch"));
            } catch (Exception e) {
                return false;
            }
        };
        waitUntil(settled);
        Thread.sleep(500); // a step sent just before the pause shows PAUSED until a worker takes it
        waitUntil(settled);
        String held = logisticBox.getAttribute("data-epoch");
        Thread.sleep(1000);
        assertThat(logisticBox.getAttribute("data-epoch")).as("epoch while paused").isEqualTo(held);
        assertThat(logistic.findElement(By.cssSelector("button.pause")).getText()).isEqualTo("Go on");
        assertThat(status(logisticJob)).isEqualTo("PAUSED");
        logistic.findElement(By.cssSelector("button.pause")).click();
        waitUntil(d -> "SUCCEEDED".equals(logisticBox.getAttribute("data-status")));
        assertThat(logisticBox.getAttribute("data-epoch")).isEqualTo("40");
        String norms = logistic.findElement(By.cssSelector(".norm-chart polyline.series")).getAttribute("points");
        assertThat(norms.trim().split(" ")).as("weight norms drawn, epochs 0 to 40").hasSize(41);

        WebElement plot = driver.findElement(By.cssSelector("[data-widget=plot]"));
        assertThat(plot.findElements(By.cssSelector("polyline.series"))).hasSize(4);
        assertThat(plot.findElement(By.cssSelector(".legend")).getText()).contains("0-1 loss").contains("hinge").contains("perceptron");
    }

    @Test
    void lab3AnEmbeddedPlaygroundTrainsAndAThirdFrameClosesTheFirst() throws Exception {
        open("/labs/03-playground");
        List<WebElement> exercises = driver.findElements(By.cssSelector("[data-widget=playground]"));
        assertThat(exercises).hasSizeGreaterThanOrEqualTo(10);
        WebElement gauss = exercises.get(1); // exercise 2: no hidden layer on the two gaussians
        browser.js("arguments[0].scrollIntoView({block: 'start'})", gauss);
        gauss.findElement(By.cssSelector("button.open-frame")).click();
        WebElement frame = gauss.findElement(By.cssSelector("iframe.playground-frame"));
        driver.switchTo().frame(frame);
        try {
            // an idle playground shows its data without a job (a job starts with the first step or ▶)
            waitUntil(d -> "yes".equals(js("return window.playground && window.playground.pointsShown > 0 ? 'yes' : ''")));
            assertThat(js("return JSON.stringify(window.playground.state.networkShape)")).isEqualTo("[]");
            assertThat(js("return window.playground.state.dataset")).isEqualTo("gauss");
            assertThat(driver.findElement(By.cssSelector("[data-control=numHiddenLayers]")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.cssSelector("[data-control=regularization]")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.cssSelector("[data-control=learningRate]")).isDisplayed()).isTrue();
            // one epoch with the step button, then play: the counter runs on and the loss falls
            driver.findElement(By.id("step")).click();
            waitUntil(d -> epoch() == 1 && !loss().equals("–"));
            double early = Double.parseDouble(loss());
            int earlyEpoch = epoch();
            driver.findElement(By.id("play")).click();
            waitUntil(d -> epoch() >= earlyEpoch + 200);
            double later = Double.parseDouble(loss());
            assertThat(Integer.parseInt(driver.findElement(By.id("epoch")).getText())).isGreaterThan(earlyEpoch + 199);
            assertThat(later).as("training loss at epoch %d vs %d", epoch(), earlyEpoch).isLessThan(early);
            System.out.printf("[lab 3] exercise 2: training loss %.3f at epoch %d, %.3f at epoch %d%n", early, earlyEpoch, later, epoch());
            // pause: the frame's paced job waits on the server for its next epochs, where the page stopped
            driver.findElement(By.id("play")).click();
            waitUntil(d -> Boolean.FALSE.equals(browser.js("return window.playground.running"))
                    && epochsDone(currentJob()) == epoch());
        } finally {
            driver.switchTo().defaultContent();
        }
        screenshot("lab3-playground-exercise.png", gauss);
        String firstJob = (String) browser.js("return arguments[0].contentWindow.playground.jobId", frame);
        assertThat(status(firstJob)).as("a paced job waiting for its next epochs").isIn("RUNNING", "PAUSED");

        // two more frames: the first closes and its job is cancelled, so a page never holds more than two
        exercises.get(2).findElement(By.cssSelector("button.open-frame")).click();
        exercises.get(3).findElement(By.cssSelector("button.open-frame")).click();
        waitUntil(d -> "false".equals(gauss.findElement(By.cssSelector(".playground-box")).getAttribute("data-open")));
        assertThat(gauss.findElements(By.cssSelector("iframe"))).isEmpty();
        assertThat(gauss.findElement(By.cssSelector(".closed-note")).getText()).contains("at most 2");
        assertThat(driver.findElements(By.cssSelector("iframe.playground-frame"))).hasSize(2);
        waitUntil(d -> status(firstJob).equals("CANCELLED"));

        // the spiral exercise's question, wrong then right
        WebElement question = driver.findElements(By.cssSelector("[data-widget=question]")).stream()
                .filter(q -> q.getText().contains("two hidden layers of 8 units")).findFirst().orElseThrow();
        question.findElement(By.cssSelector("input.answer")).sendKeys("97");
        question.findElement(By.cssSelector("button.check")).click();
        waitForVerdict(question, "wrong");
        question.findElement(By.cssSelector("input.answer")).clear();
        question.findElement(By.cssSelector("input.answer")).sendKeys("105");
        question.findElement(By.cssSelector("button.check")).click();
        waitForVerdict(question, "right");
        assertThat(question.findElement(By.cssSelector(".explanation")).getText()).contains("24 + 72 + 9 = 105");
    }

    @Test
    void lab4ThePictureFollowsEditedWeightsAndComputesWhatTheEngineComputes() throws Exception {
        open("/labs/04-xor");
        WebElement widget = driver.findElements(By.cssSelector("[data-widget=network]")).get(0);
        WebElement picture = widget.findElement(By.cssSelector(".network-picture"));
        browser.js("arguments[0].scrollIntoView({block: 'start'})", widget);
        assertThat(picture.getAttribute("data-outputs")).isEqualTo("[[0],[1],[1],[0]]");
        assertThat(rows(widget)).containsExactly(
                List.of("(0, 0)", "(0, −1)", "(0, 0)", "(0)", "(0)", "0 ✓"),
                List.of("(0, 1)", "(1, 0)", "(1, 0)", "(1)", "(1)", "1 ✓"),
                List.of("(1, 0)", "(1, 0)", "(1, 0)", "(1)", "(1)", "1 ✓"),
                List.of("(1, 1)", "(2, 1)", "(2, 1)", "(0)", "(0)", "0 ✓"));
        assertThat(widget.findElements(By.cssSelector("svg .edge"))).hasSize(6);
        assertThat(widget.findElements(By.cssSelector("svg .edge.negative"))).hasSize(1);
        assertThat(widget.findElements(By.cssSelector("svg .edge-label"))).extracting(WebElement::getText)
                .containsExactly("1", "1", "1", "1", "1", "−2");
        String heatBefore = heatPixels(widget);

        // c₂ = −0.5: (0, 1) and (1, 0) now give 0, (1, 1) gives −1
        WebElement c2 = widget.findElement(By.cssSelector("input[name=bias-0-1]"));
        c2.clear();
        c2.sendKeys("-0.5");
        waitUntil(d -> "[[0],[0],[0],[-1]]".equals(picture.getAttribute("data-outputs")));
        assertThat(rows(widget).get(1)).containsExactly("(0, 1)", "(1, 0.5)", "(1, 0.5)", "(0)", "(0)", "1 ✗");
        assertThat(widget.findElements(By.cssSelector("td.target.wrong"))).hasSize(3);
        assertThat(widget.findElement(By.cssSelector("svg")).getText()).contains("bias −0.5");
        assertThat(heatPixels(widget)).isNotEqualTo(heatBefore);
        screenshot("lab4-xor-picture-edited.png", widget);
        widget.findElement(By.cssSelector("button.reset-weights")).click();
        assertThat(picture.getAttribute("data-outputs")).isEqualTo("[[0],[1],[1],[0]]");
        assertThat(heatPixels(widget)).isEqualTo(heatBefore);

        // the second picture takes the weights a run from random weights ended with, and computes what the server predicts
        WebElement fromRandom = driver.findElements(By.cssSelector("[data-widget=train]")).stream()
                .filter(t -> t.getText().contains("Layers")).reduce((a, b) -> b).orElseThrow();
        WebElement found = driver.findElements(By.cssSelector("[data-widget=network]")).get(1);
        fromRandom.findElement(By.cssSelector("button.run")).click();
        waitUntil(d -> "SUCCEEDED".equals(fromRandom.findElement(By.cssSelector(".train")).getAttribute("data-status")));
        String job = fromRandom.findElement(By.cssSelector(".train")).getAttribute("data-job-id");
        waitUntil(d -> job.equals(found.getAttribute("data-job-id")));
        assertThat(found.findElement(By.cssSelector(".trained-from")).getText()).contains(job).contains("after 1000 epochs");
        JsonNode served = post("/api/jobs/" + job + "/predict", "{\"inputs\": [[0, 0], [0, 1], [1, 0], [1, 1]]}").get("outputs");
        JsonNode drawn = JSON.readTree(found.findElement(By.cssSelector(".network-picture")).getAttribute("data-outputs"));
        for (int i = 0; i < 4; i++) assertThat(drawn.get(i).get(0).asDouble()).isCloseTo(served.get(i).get(0).asDouble(), within(1e-5));
        System.out.println("[lab 4] a run from random weights, drawn: outputs " + drawn + ", weights "
                + get("/api/jobs/" + job + "/model").get("weights"));
        screenshot("lab4-xor-found-solution.png", found);

        // the page's forward pass against the engine: the hand weights, then random 2-3-1 and 2-2-2-1 networks
        JsonNode hand = LabWidgetBlocksTest.blocks("04-xor.md", "network").get(0);
        compareWithEngine(hand);
        Random random = new Random(5);
        for (String layers : List.of("[{\"units\": 3, \"activation\": \"tanh\"}, {\"units\": 1, \"activation\": \"sigmoid\"}]",
                "[{\"units\": 2, \"activation\": \"relu\"}, {\"units\": 2, \"activation\": \"elu\"}, {\"units\": 1, \"activation\": \"linear\"}]")) {
            JsonNode ls = JSON.readTree(layers);
            StringBuilder kernels = new StringBuilder("[");
            StringBuilder biases = new StringBuilder("[");
            int in = 2;
            for (int l = 0; l < ls.size(); l++) {
                int units = ls.get(l).get("units").asInt();
                List<String> rows = new ArrayList<>();
                for (int i = 0; i < in; i++) {
                    List<String> row = new ArrayList<>();
                    for (int j = 0; j < units; j++) row.add(String.valueOf(random.nextGaussian()));
                    rows.add("[" + String.join(",", row) + "]");
                }
                List<String> bs = new ArrayList<>();
                for (int j = 0; j < units; j++) bs.add(String.valueOf(random.nextGaussian()));
                kernels.append(l > 0 ? "," : "").append("[").append(String.join(",", rows)).append("]");
                biases.append(l > 0 ? "," : "").append("[").append(String.join(",", bs)).append("]");
                in = units;
            }
            compareWithEngine(JSON.readTree("{\"layers\": " + layers + ", \"weights\": {\"kernels\": " + kernels + "], \"biases\": "
                    + biases + "]}, \"inputs\": [[0, 0], [0, 1], [1, 0], [1, 1], [0.3, -2.5], [4, 1.5]]}"));
        }
    }

    /** Runs the widget module's forward() in the page and the engine's layerOutputs() on the same block. */
    private void compareWithEngine(JsonNode block) throws Exception {
        Object fromPage = ((JavascriptExecutor) driver).executeAsyncScript(
                "const [block, done] = arguments; import('/labs/widgets/network.js').then((m) => done(JSON.stringify("
                        + "block.inputs.map((x) => m.forward(block.layers, block.weights, x).map((l) => l.a)))));",
                JSON.convertValue(block, java.util.Map.class));
        JsonNode page = JSON.readTree((String) fromPage);
        Model model = LabWidgetBlocksTest.model(block);
        double[][] inputs = JSON.convertValue(block.get("inputs"), double[][].class);
        double[][][] engine = model.layerOutputs(inputs);
        for (int n = 0; n < inputs.length; n++) {
            for (int l = 0; l < engine.length; l++) {
                for (int u = 0; u < engine[l][n].length; u++) {
                    assertThat(page.get(n).get(l).get(u).asDouble()).as("input %d, layer %d, unit %d", n, l, u)
                            .isCloseTo(engine[l][n][u], within(1e-4));
                }
            }
        }
    }

    private List<List<String>> rows(WebElement widget) {
        return widget.findElements(By.cssSelector("tr.network-row")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    private String heatPixels(WebElement widget) {
        return (String) browser.js("const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let h = 0; for (let i = 0; i < d.length; i++) h = (h * 31 + d[i]) | 0; return String(h);",
                widget.findElement(By.cssSelector("canvas.heat")));
    }

    /** Moves the slider to an epoch seen; returns the line then drawn. */
    private String showEpoch(WebElement slider, WebElement box, int epoch) {
        browser.js("const s = arguments[0]; s.value = String(arguments[1]); s.dispatchEvent(new Event('input'));", slider, epoch);
        assertThat(box.getAttribute("data-epoch")).isEqualTo(String.valueOf(epoch));
        return box.getAttribute("data-line");
    }

    private static double[] line(String csv) {
        String[] parts = csv.split(",");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    private int epoch() {
        return ((Number) browser.js("return window.playground.epoch")).intValue();
    }

    private String loss() {
        return driver.findElement(By.id("trainLoss")).getText();
    }

    private String currentJob() {
        return (String) browser.js("return window.playground.jobId");
    }

    /** The epochs a job has done, over the API (-1 while it cannot be read). */
    private int epochsDone(String jobId) {
        try {
            return get("/api/jobs/" + jobId).path("epochsDone").asInt(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    /** A job's status over the API ("" while it cannot be read). */
    private String status(String jobId) {
        try {
            return get("/api/jobs/" + jobId).path("status").asText("");
        } catch (Exception e) {
            return "";
        }
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

}
