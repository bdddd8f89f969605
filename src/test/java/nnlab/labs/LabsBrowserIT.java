package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A student walks labs 1, 4 and 7 in Debian's headless Chromium. Screenshots go to target/screenshots/. */
class LabsBrowserIT extends LabBrowserTest {

    @Test
    void lab1GradientDescentCurveAndQuestions() throws Exception {
        open("/labs/01-gradient-descent");
        assertThat(driver.findElements(By.cssSelector(".lab-body .katex"))).hasSizeGreaterThan(5);
        WebElement plot = driver.findElement(By.cssSelector("[data-widget=plot]"));
        assertThat(plot.findElements(By.cssSelector("polyline.series"))).hasSize(4);
        assertThat(plot.findElements(By.cssSelector("circle.marker"))).hasSize(33);
        List<WebElement> rows = plot.findElements(By.cssSelector("table.trajectory tr"));
        assertThat(rows).hasSize(12);
        // the minimum is the answer to the second question: it shows once that question is answered right
        assertThat(plot.findElements(By.cssSelector(".best"))).isEmpty();

        List<WebElement> questions = driver.findElements(By.cssSelector("[data-widget=question]"));
        WebElement mc = questions.get(0);
        mc.findElements(By.cssSelector("input[type=radio]")).get(0).click();
        mc.findElement(By.cssSelector("button.check")).click();
        waitForVerdict(mc, "wrong");
        assertThat(mc.findElement(By.cssSelector(".explanation")).isDisplayed()).isFalse();
        mc.findElements(By.cssSelector("input[type=radio]")).get(2).click();
        mc.findElement(By.cssSelector("button.check")).click();
        waitForVerdict(mc, "right");
        assertThat(mc.findElement(By.cssSelector(".explanation")).getText()).contains("−1.02");

        WebElement number = questions.get(1);
        number.findElement(By.cssSelector("input.answer")).sendKeys("3.7");
        number.findElement(By.cssSelector("button.check")).click();
        waitForVerdict(number, "wrong");
        assertThat(plot.findElements(By.cssSelector(".best"))).isEmpty();
        number.findElement(By.cssSelector("input.answer")).clear();
        number.findElement(By.cssSelector("input.answer")).sendKeys("3.65");
        number.findElement(By.cssSelector("button.check")).click();
        waitForVerdict(number, "right");
        assertThat(plot.findElement(By.cssSelector(".best")).getText()).contains("w* = Σxy / Σx² = 3.65");
        screenshot("lab1-gradient-descent.png", plot);
    }

    @Test
    void lab5SummaryCountsAnyShapeWithoutData() throws Exception {
        open("/labs/05-iris");
        WebElement block = driver.findElement(By.cssSelector("[data-widget=summary]"));
        // the figures answer the question above (283): out of the page until it is answered right
        assertThat(block.findElements(By.cssSelector(".summary-widget"))).isEmpty();
        assertThat(block.findElement(By.cssSelector(".reveal-note")).getText()).contains("answered right");
        WebElement question = driver.findElements(By.cssSelector("[data-widget=question]")).get(0);
        question.findElement(By.cssSelector("input.answer")).sendKeys("283");
        question.findElement(By.cssSelector("button.check")).click();
        waitForVerdict(question, "right");
        waitUntil(d -> !block.findElements(By.cssSelector(".summary-widget")).isEmpty());
        WebElement box = block.findElement(By.cssSelector(".summary-widget"));
        assertThat(box.isDisplayed()).isTrue();
        assertThat(block.findElements(By.cssSelector(".model-summary tr.layer td.num"))).extracting(WebElement::getText)
                .containsExactly("220", "63");
        assertThat(block.findElement(By.cssSelector(".model-summary")).getText()).contains("dense (Dense)")
                .contains("(None, 20)").contains("Total params: 283").contains("Trainable params: 283")
                .contains("Non-trainable params: 0");
        WebElement shape = block.findElement(By.cssSelector("input[name=shape]"));
        shape.clear();
        shape.sendKeys("784, 128, 64, 10");
        block.findElement(By.cssSelector("button.run")).click();
        assertThat(box.getAttribute("data-total")).isEqualTo("109386");
        assertThat(block.findElement(By.cssSelector(".model-summary")).getText()).contains("Total params: 109,386");
        shape.clear();
        shape.sendKeys("10");
        block.findElement(By.cssSelector("button.run")).click();
        assertThat(block.findElement(By.cssSelector(".error")).getText()).contains("input width");
        screenshot("lab5-summary.png", block);
    }

    @Test
    void lab6EarlyStoppingLogsAndShowsTheEpochItKeeps() throws Exception {
        open("/labs/06-boston-mlp");
        WebElement early = driver.findElements(By.cssSelector("[data-widget=train]")).get(1);
        early.findElement(By.cssSelector("button.run")).click();
        WebElement log = early.findElement(By.cssSelector(".keras-log"));
        waitUntil(d -> "1".equals(log.getAttribute("data-evaluated")));
        // as the text says: stopped at 63, back to 53, and Keras's lines for it
        assertThat(log.getText()).contains("Epoch 63: early stopping")
                .contains("Restoring model weights from the end of the best epoch: 53.")
                .containsPattern("(?m)^test - loss: 17\\.\\d{4} - mae: \\d+\\.\\d{4}$");
        List<WebElement> cells = early.findElements(By.cssSelector("table.results tr.run-result td"));
        assertThat(cells.get(3).getText()).isEqualTo("63 (weights of epoch 53)");
        assertThat(Double.parseDouble(cells.get(4).getText())).as("epoch 53's test MSE, about 17.3").isBetween(17.25, 17.35);
        screenshot("lab6-early-stopping.png", early);
    }

    @Test
    void lab7OffersTheLecturesRunOnRawPixels() throws Exception {
        open("/labs/07-mnist");
        WebElement raw = driver.findElements(By.cssSelector("[data-widget=train]")).get(1);
        assertThat(raw.findElement(By.cssSelector("input[name=trainLimit]")).getAttribute("value")).as("all 60,000 images").isEmpty();
        WebElement epochs = raw.findElement(By.cssSelector("input[name=epochs]"));
        epochs.clear();
        epochs.sendKeys("1"); // the first epoch is the one the text compares with the lecture's
        raw.findElement(By.cssSelector("button.run")).click();
        WebElement log = raw.findElement(By.cssSelector(".keras-log"));
        new WebDriverWait(driver, Duration.ofMinutes(2)).pollingEvery(Duration.ofMillis(200))
                .until(d -> "1".equals(log.getAttribute("data-evaluated")));
        // "with seed 1 the first line reads a loss of about 1.86 (accuracy about 0.87)": the lecture's 4.6972 in kind
        assertThat(log.getText()).containsPattern("(?m)^1875/1875 - \\d+s \\d+(s|ms|us)/step - accuracy: 0\\.8[6-8]\\d{2} - loss: 1\\.8[5-7]\\d{2}$")
                .containsPattern("(?m)^313/313 - .*accuracy: 0\\.\\d{4} - loss: \\d\\.\\d{4}$");
        assertThat(raw.findElement(By.cssSelector(".model-summary")).getText()).contains("flatten (Flatten)");
        screenshot("lab7-raw-pixels.png", raw);
    }

    @Test
    void lab4XorHandSolutionAndOverlaidRandomRuns() throws Exception {
        open("/labs/04-xor");
        List<WebElement> trains = driver.findElements(By.cssSelector("[data-widget=train]"));
        WebElement hand = trains.get(0);
        hand.findElement(By.cssSelector("button.run")).click();
        waitUntil(d -> "SUCCEEDED".equals(hand.findElement(By.cssSelector(".train")).getAttribute("data-status")));
        waitUntil(d -> !hand.findElements(By.cssSelector(".prediction-table tr")).isEmpty());
        List<WebElement> rows = hand.findElements(By.cssSelector(".prediction-table tr"));
        assertThat(rows).hasSize(5);
        assertThat(rows.subList(1, 5)).extracting(r -> r.findElements(By.tagName("td")).get(1).getText())
                .containsExactly("0.0000", "1.0000", "1.0000", "0.0000");
        assertThat(hand.findElement(By.cssSelector(".progress-line")).getText()).matches("Epoch 1/1\\s+1/1 - .*loss: 0\\.0000.*");
        assertThat(hand.findElement(By.cssSelector(".model-summary")).getText()).contains("Total params: 9");

        WebElement random = trains.get(1);
        for (int run = 1; run <= 2; run++) {
            random.findElement(By.cssSelector("button.run")).click();
            int n = run;
            waitUntil(d -> String.valueOf(n).equals(random.findElement(By.cssSelector(".train")).getAttribute("data-runs"))
                    && "SUCCEEDED".equals(random.findElement(By.cssSelector(".train")).getAttribute("data-status")));
        }
        assertThat(random.findElements(By.cssSelector("table.results tr.run-result"))).hasSize(2);
        List<WebElement> curves = random.findElements(By.cssSelector(".loss-curve polyline.series"));
        assertThat(curves).hasSizeGreaterThanOrEqualTo(2);
        assertThat(curves.get(0).getAttribute("stroke")).isNotEqualTo(curves.get(curves.size() - 1).getAttribute("stroke"));
        assertThat(random.findElement(By.cssSelector(".keras-log")).getText()).contains("Epoch 1000/1000").contains("Run 2 (seed");
        screenshot("lab4-xor.png", random);
    }

    @Test
    void lab7MnistTrainsQuestionsAndADrawnDigit() throws Exception {
        open("/labs/07-mnist");
        WebElement train = driver.findElement(By.cssSelector("[data-widget=train]"));
        assertThat(train.findElement(By.cssSelector("input[name=trainLimit]")).getAttribute("value")).isEqualTo("6000");
        train.findElement(By.cssSelector("button.run")).click();
        waitUntil(d -> !train.findElements(By.cssSelector(".model-summary")).isEmpty());
        // Keras's summary: the Flatten row, the dense rows, and the three parameter lines
        assertThat(train.findElement(By.cssSelector(".model-summary")).getText()).contains("flatten (Flatten)")
                .contains("Total params: 109,386").contains("Trainable params: 109,386").contains("Non-trainable params: 0")
                .contains("(None, 784)").contains("(None, 128)");
        WebElement progress = train.findElement(By.cssSelector(".progress-line"));
        // Keras's epoch line: steps, the epoch's time and the time per step, then the metrics
        waitUntil(d -> progress.getText().matches("Epoch [1-5]/5\\s+(\\d+)/\\1 - \\d+s \\d+(s|ms|us)/step - accuracy: 0\\.\\d{4} - loss: \\d\\.\\d{4}.*"));
        new WebDriverWait(driver, Duration.ofMinutes(3)).pollingEvery(Duration.ofMillis(200))
                .until(d -> "SUCCEEDED".equals(train.findElement(By.cssSelector(".train")).getAttribute("data-status")));
        assertThat(progress.getText()).matches("Epoch 5/5\\s+188/188 - \\d+s \\d+(s|ms|us)/step - accuracy: 0\\.\\d{4} - loss: \\d\\.\\d{4}");
        // then evaluate()'s line on the 10,000 test images: 313 batches of 32
        WebElement log = train.findElement(By.cssSelector(".keras-log"));
        waitUntil(d -> "1".equals(log.getAttribute("data-evaluated")));
        assertThat(log.getText()).containsPattern("(?m)^313/313 - \\d+s \\d+(s|ms|us)/step - accuracy: 0\\.\\d{4} - loss: \\d\\.\\d{4}$");
        assertThat(train.findElements(By.cssSelector(".loss-curve polyline.series"))).isNotEmpty();
        assertThat(train.findElements(By.cssSelector(".accuracy-curve polyline.series"))).isNotEmpty();
        String testAccuracy = train.findElement(By.cssSelector("table.results tr.run-result td:nth-child(6)")).getText();
        assertThat(Double.parseDouble(testAccuracy)).isGreaterThan(0.85);
        screenshot("lab7-mnist-trained.png", train);

        WebElement params = driver.findElements(By.cssSelector("[data-widget=question]")).get(0);
        params.findElement(By.cssSelector("input.answer")).sendKeys("101770");
        params.findElement(By.cssSelector("button.check")).click();
        // the answer is checked by the server: wait for its verdict, not the "Checking…" shown meanwhile
        waitUntil(d -> {
            String verdict = params.findElement(By.cssSelector(".verdict")).getText();
            return !verdict.isBlank() && !verdict.startsWith("Checking");
        });
        assertThat(params.findElement(By.cssSelector(".verdict")).getText()).contains("Not quite");
        params.findElement(By.cssSelector("input.answer")).clear();
        params.findElement(By.cssSelector("input.answer")).sendKeys("109,386");
        params.findElement(By.cssSelector("button.check")).click();
        waitUntil(d -> "Right.".equals(params.findElement(By.cssSelector(".verdict")).getText()));
        assertThat(params.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("Right.");
        assertThat(params.findElement(By.cssSelector(".explanation")).getText()).contains("100,480 + 8,256 + 650");

        WebElement digits = driver.findElement(By.cssSelector("[data-widget=digits]"));
        WebElement canvas = digits.findElement(By.cssSelector("canvas.draw"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
        // a "7": the top bar, then the diagonal down to the left
        new Actions(driver).moveToElement(canvas, -60, -80).clickAndHold()
                .moveByOffset(40, 0).moveByOffset(40, 0).moveByOffset(30, 0)
                .moveByOffset(-15, 40).moveByOffset(-15, 40).moveByOffset(-15, 40).moveByOffset(-15, 40)
                .release().perform();
        waitUntil(d -> digits.findElement(By.cssSelector(".digits")).getAttribute("data-predicted") != null);
        String predicted = digits.findElement(By.cssSelector(".digits")).getAttribute("data-predicted");
        assertThat(predicted).matches("[0-9]");
        assertThat(digits.findElements(By.cssSelector(".bar-row"))).hasSize(10);
        assertThat(digits.findElement(By.cssSelector(".digit-answer")).getText()).startsWith("The model reads: " + predicted);
        Object ink = ((JavascriptExecutor) driver).executeScript(
                "const d = arguments[0].getContext('2d').getImageData(0, 0, 28, 28).data; let s = 0;"
                        + " for (let i = 0; i < d.length; i += 4) s += 255 - d[i]; return s / 255;",
                digits.findElement(By.cssSelector("canvas.preview")));
        assertThat(((Number) ink).doubleValue()).isGreaterThan(10);
        // the model is sure of something: the drawing reached it in the units it was trained on
        String best = digits.findElement(By.cssSelector(".bar-row.best .bar-value")).getText();
        assertThat(Double.parseDouble(best.replace(" %", ""))).isGreaterThan(40.0);
        System.out.println("[labs] the drawn 7 was read as " + predicted);
        screenshot("lab7-mnist-digit.png", digits);
    }

    @Test
    void everyLabOnTheIndexOpensWithAllItsWidgetsRunning() throws Exception {
        driver.get("http://localhost:" + port + "/labs");
        List<String> links = driver.findElements(By.cssSelector("#labs a")).stream().map(a -> a.getAttribute("href")).toList();
        assertThat(links).hasSizeGreaterThanOrEqualTo(3);
        assertThat(driver.findElements(By.id("problems"))).isEmpty();
        for (String link : links) {
            open(link.substring(link.indexOf("/labs/")));
            List<WebElement> widgets = driver.findElements(By.cssSelector(".lab-widget"));
            assertThat(widgets).as(link).isNotEmpty().allSatisfy(w -> assertThat(w.getAttribute("data-ready")).isEqualTo("true"));
            assertThat(driver.findElements(By.cssSelector(".math-error, .katex-error"))).as(link).isEmpty();
        }
        open("/labs/09-activations");
        assertThat(driver.findElements(By.cssSelector("[data-widget=plot] figure"))).hasSize(9);
        screenshot("lab9-activations.png", driver.findElement(By.cssSelector("[data-widget=plot]")));
    }

    @Test
    void lab8GridSearchFillsTheTableTheHeatMapAndTheBestFit() throws Exception {
        open("/labs/08-sine-grid-search");
        WebElement grid = driver.findElement(By.cssSelector("[data-widget=grid]"));
        grid.findElement(By.cssSelector("button.run")).click();
        new WebDriverWait(driver, Duration.ofMinutes(3)).pollingEvery(Duration.ofMillis(250))
                .until(d -> "true".equals(grid.findElement(By.cssSelector(".grid-search")).getAttribute("data-done")));
        List<WebElement> rows = grid.findElements(By.cssSelector("table.grid-results tr"));
        assertThat(rows).hasSize(25);
        assertThat(rows.get(1).findElements(By.tagName("td")).get(6).getText()).isEqualTo("SUCCEEDED");
        double best = Double.parseDouble(rows.get(1).findElements(By.tagName("td")).get(5).getText());
        assertThat(best).isLessThan(0.05);
        assertThat(grid.findElements(By.cssSelector("table.heat tr"))).hasSize(3);
        assertThat(grid.findElements(By.cssSelector(".best-fit polyline.series"))).hasSize(2);
        screenshot("lab8-grid-search.png", grid);
    }

}
