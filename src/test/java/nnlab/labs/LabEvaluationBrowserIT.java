package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In Debian's headless Chromium: lab 7's confusion matrix and sample digits after a run, lab 10's variants
 * on one chart, and train blocks running several runs at once. Screenshots go to target/screenshots/.
 */
class LabEvaluationBrowserIT extends LabBrowserTest {

    private static final Duration TRAINING = Duration.ofMinutes(4);

    @Test
    void lab7ShowsTheConfusionMatrixAndSampleDigitsWhenTheRunEnds() throws Exception {
        open("/labs/07-mnist");
        WebElement train = driver.findElement(By.cssSelector("[data-widget=train]"));
        set(train, "trainLimit", "3000");
        set(train, "epochs", "2");
        set(train, "seed", "11");
        train.findElement(By.cssSelector("button.run")).click();
        WebElement confusion = driver.findElement(By.cssSelector("[data-widget=confusion] .confusion"));
        waitLong(d -> confusion.getAttribute("data-accuracy") != null);
        assertThat(train.findElement(By.cssSelector(".train")).getAttribute("data-status")).isEqualTo("SUCCEEDED");

        List<WebElement> rows = confusion.findElements(By.cssSelector("table.confusion-matrix tr"));
        assertThat(rows).hasSize(12); // the header, one row per digit, the overall accuracy
        assertThat(rows.get(0).findElements(By.cssSelector("th.predicted"))).extracting(WebElement::getText)
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        int sum = 0, trace = 0;
        for (int t = 1; t <= 10; t++) {
            List<WebElement> cells = rows.get(t).findElements(By.cssSelector("td.cell"));
            assertThat(cells).hasSize(10);
            for (int p = 0; p < 10; p++) {
                int count = Integer.parseInt(cells.get(p).getText());
                sum += count;
                if (p == t - 1) trace += count;
            }
            assertThat(rows.get(t).findElement(By.cssSelector("td.class-accuracy")).getText()).matches("\\d+\\.\\d %");
        }
        assertThat(sum).isEqualTo(10_000);
        // the matrix agrees with the test accuracy the run reported
        double reported = Double.parseDouble(train.findElement(By.cssSelector("table.results tr.run-result td:nth-child(6)")).getText());
        assertThat(trace / 10_000.0).isCloseTo(reported, offset(0.002));
        assertThat(Double.parseDouble(confusion.getAttribute("data-accuracy"))).isCloseTo(trace / 10_000.0, offset(1e-9));
        assertThat(confusion.findElement(By.cssSelector(".confusion-caption")).getText())
                .contains("test set, 10000 examples, weights of epoch 2: " + trace + " right");

        List<WebElement> samples = confusion.findElements(By.cssSelector(".sample-grid figure.sample"));
        assertThat(samples).hasSize(24);
        List<WebElement> wrong = confusion.findElements(By.cssSelector(".sample-grid figure.sample.wrong"));
        assertThat(wrong).hasSize(Math.min(12, 10_000 - trace));
        for (WebElement w : wrong) assertThat(w.findElement(By.cssSelector(".truth")).getText()).matches("true: [0-9]");
        Object ink = browser.js("return [...arguments[0].querySelectorAll('canvas.digit')].map(c => {"
                + " const d = c.getContext('2d').getImageData(0, 0, 28, 28).data; let s = 0;"
                + " for (let i = 0; i < d.length; i += 4) s += 255 - d[i]; return s / 255; })", confusion);
        assertThat((List<?>) ink).hasSize(24).allSatisfy(v -> assertThat(((Number) v).doubleValue()).isGreaterThan(20));
        System.out.printf("[lab evaluation] lab 7, 3000 images, 2 epochs: %d/10000 right (run reported %.4f), %d of 24 samples wrong%n",
                trace, reported, wrong.size());
        screenshot("lab7-confusion.png", confusion);
    }

    @Test
    void lab5ShowsWhichFlowersTheNetworkConfuses() throws Exception {
        open("/labs/05-iris");
        WebElement train = driver.findElement(By.cssSelector("[data-widget=train]"));
        train.findElement(By.cssSelector("button.run")).click();
        WebElement confusion = driver.findElement(By.cssSelector("[data-widget=confusion] .confusion"));
        waitLong(d -> confusion.getAttribute("data-accuracy") != null);
        List<WebElement> rows = confusion.findElements(By.cssSelector("table.confusion-matrix tr"));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).findElements(By.cssSelector("th.predicted"))).hasSize(3);
        int sum = 0;
        for (int t = 1; t <= 3; t++) {
            for (WebElement c : rows.get(t).findElements(By.cssSelector("td.cell"))) sum += Integer.parseInt(c.getText());
        }
        assertThat(sum).isEqualTo(30); // the test fifth of 150 flowers
        List<WebElement> samples = confusion.findElements(By.cssSelector(".sample-grid figure.sample"));
        assertThat(samples).hasSize(12);
        // flowers are shown by their four measurements in cm, not as pictures
        assertThat(samples.get(0).findElement(By.cssSelector(".features")).getText().split(", ")).hasSize(4);
        assertThat(confusion.findElements(By.cssSelector("canvas.digit"))).isEmpty();
        screenshot("lab5-confusion.png", confusion);
    }

    @Test
    void aBusyServerIsAskedAgainAfterRetryAfterAndThenTheWidgetSaysItStayedBusy() throws Exception {
        open("/labs/05-iris");
        // the page's fetch answers the confusion block's evaluations 503 busy (as the server does past its bound) while
        // busy > 0; the train block's own evaluation for its evaluate() line (samples=0) goes through
        browser.js("window.nnlabBusy = 2; window.nnlabEvaluations = 0; const real = window.fetch;"
                + " window.fetch = (url, init) => { if (!String(url).includes('/evaluation') || String(url).includes('samples=0&'))"
                + " return real(url, init);"
                + " window.nnlabEvaluations++; if (window.nnlabBusy-- <= 0) return real(url, init);"
                + " return Promise.resolve(new Response(JSON.stringify({status: 503, detail: 'the server is computing as many"
                + " evaluations as it may at once (1, nnlab.limits.max-concurrent-evaluations)'}), {status: 503,"
                + " headers: {'Content-Type': 'application/problem+json', 'Retry-After': '1'}})); };");
        WebElement train = driver.findElement(By.cssSelector("[data-widget=train]"));
        train.findElement(By.cssSelector("button.run")).click();
        WebElement confusion = driver.findElement(By.cssSelector("[data-widget=confusion] .confusion"));
        WebElement status = confusion.findElement(By.cssSelector(".confusion-status"));
        waitLong(d -> status.getText().startsWith("The server is busy"));
        assertThat(status.getText()).contains("trying again in 1 s");
        // two refusals, then the third request is answered: the matrix is drawn
        waitLong(d -> confusion.getAttribute("data-accuracy") != null);
        assertThat(((Number) browser.js("return window.nnlabEvaluations")).intValue()).isEqualTo(3);
        assertThat(confusion.findElements(By.cssSelector("table.confusion-matrix tr"))).hasSize(5);

        // a server that stays busy: the first request and three retries, then the widget says so
        browser.js("window.nnlabBusy = 1000; window.nnlabEvaluations = 0;");
        confusion.findElement(By.cssSelector("button.evaluate")).click();
        waitLong(d -> status.getText().startsWith("No evaluation"));
        assertThat(status.getText()).contains("stayed busy after 3 retries").contains("max-concurrent-evaluations");
        assertThat(((Number) browser.js("return window.nnlabEvaluations")).intValue()).isEqualTo(4);
    }

    @Test
    void lab10ComparesEveryVariantOnOneChart() throws Exception {
        open("/labs/10-regularisation");
        WebElement compare = driver.findElement(By.cssSelector("[data-widget=compare]"));
        compare.findElement(By.cssSelector("button.run")).click();
        WebElement box = compare.findElement(By.cssSelector(".compare"));
        waitLong(d -> "true".equals(box.getAttribute("data-done")));
        assertThat(box.getAttribute("data-status")).isEqualTo("SUCCEEDED");

        List<String> variants = List.of("none", "dropout", "L1", "L2", "early stopping");
        List<WebElement> lines = compare.findElements(By.cssSelector(".loss-curve polyline.series"));
        assertThat(lines).extracting(l -> l.getAttribute("data-name"))
                .containsExactlyInAnyOrderElementsOf(variants.stream().flatMap(v -> java.util.stream.Stream.of(v + " validation", v + " train")).toList());
        Set<String> colours = lines.stream().map(l -> l.getAttribute("stroke")).collect(Collectors.toSet());
        assertThat(colours).hasSize(5);
        assertThat(lines).filteredOn(l -> l.getAttribute("data-name").endsWith(" train"))
                .allSatisfy(l -> assertThat(l.getAttribute("stroke-dasharray")).isNotEmpty());

        List<WebElement> rows = compare.findElements(By.cssSelector("table.compare-results tr.variant-result"));
        assertThat(rows).extracting(r -> r.getAttribute("data-variant")).containsExactlyElementsOf(variants);
        assertThat(rows).allSatisfy(r -> assertThat(r.findElements(By.tagName("td")).get(1).getText()).isEqualTo("SUCCEEDED"));
        assertThat(cell(rows.get(0), 2)).isEqualTo("300");
        // early stopping goes back to its best epoch, and the table shows that epoch's figures
        assertThat(cell(rows.get(4), 2)).matches("\\d+ \\(early stopped; weights of epoch \\d+\\)");
        assertThat(rows.get(4).getAttribute("data-kept-epoch")).isEqualTo(cell(rows.get(4), 2).replaceAll(".* (\\d+)\\)$", "$1"));
        assertThat(Integer.parseInt(cell(rows.get(4), 2).split(" ")[0])).isLessThan(300);
        // the table tells the lab's story: without regularisation the validation loss ends far above its best
        double noneBest = Double.parseDouble(cell(rows.get(0), 3).split(" ")[0]), noneLast = Double.parseDouble(cell(rows.get(0), 5));
        assertThat(noneLast).isGreaterThan(1.5 * noneBest);
        for (int i : new int[]{1, 3}) assertThat(Double.parseDouble(cell(rows.get(i), 5))).as(variants.get(i)).isLessThan(noneLast);
        screenshot("lab10-compare.png", compare);
    }

    @Test
    void aSecondRunOverlaysTheFirstWhileItRunsAndStopCancelsBoth() throws Exception {
        open("/labs/07-mnist");
        WebElement train = driver.findElement(By.cssSelector("[data-widget=train]"));
        WebElement box = train.findElement(By.cssSelector(".train"));
        set(train, "trainLimit", "3000");
        set(train, "epochs", "2000"); // the runs must outlast the test: Stop ends them
        set(train, "seed", "");
        train.findElement(By.cssSelector("button.run")).click();
        waitLong(d -> progressOf(train, 1).startsWith("Epoch "));
        train.findElement(By.cssSelector("button.run")).click();
        waitUntil(d -> "2".equals(box.getAttribute("data-runs")));
        assertThat(box.getAttribute("data-active")).isEqualTo("2");
        waitLong(d -> progressOf(train, 2).startsWith("Epoch "));
        // the first run is still going: both lines move, both runs are on the chart in their own colours
        assertThat(box.getAttribute("data-status")).isEqualTo("RUNNING");
        assertThat(train.findElements(By.cssSelector(".run-progress"))).hasSize(2);
        // read in one go: the chart is drawn anew with every epoch
        waitUntil(d -> Long.valueOf(2).equals(browser.js("return new Set([...arguments[0].querySelectorAll("
                + "'.loss-curve polyline.series')].map(l => l.getAttribute('stroke'))).size", train)));
        Object seeds = browser.js("return [...arguments[0].querySelectorAll('table.results tr.run-result td:nth-child(2)')]"
                + ".map(td => td.textContent)", train);
        assertThat((List<?>) seeds).hasSize(2).doesNotHaveDuplicates();
        // the confusion block judges the latest run's current weights while it trains
        WebElement confusion = driver.findElement(By.cssSelector("[data-widget=confusion] .confusion"));
        confusion.findElement(By.cssSelector("button.evaluate")).click();
        waitLong(d -> box.getAttribute("data-job-id").equals(confusion.getAttribute("data-job-id")));
        assertThat(Integer.parseInt(confusion.getAttribute("data-epoch"))).isGreaterThanOrEqualTo(1);
        assertThat(confusion.findElements(By.cssSelector(".sample-grid figure.sample"))).hasSize(24);

        // a third run may start; a fourth has to wait
        train.findElement(By.cssSelector("button.run")).click();
        waitUntil(d -> "3".equals(box.getAttribute("data-runs")));
        train.findElement(By.cssSelector("button.run")).click();
        waitUntil(d -> train.findElement(By.cssSelector(".error")).isDisplayed());
        assertThat(train.findElement(By.cssSelector(".error")).getText()).contains("3 runs are going on already");
        assertThat(box.getAttribute("data-runs")).isEqualTo("3");
        screenshot("lab7-overlaid-runs.png", train);

        train.findElement(By.cssSelector("button.stop")).click();
        waitLong(d -> "0".equals(box.getAttribute("data-active")));
        assertThat(box.getAttribute("data-status")).isEqualTo("CANCELLED");
        assertThat(train.findElements(By.cssSelector(".run-progress"))).hasSize(3)
                .allSatisfy(r -> assertThat(r.getAttribute("data-status")).isEqualTo("CANCELLED"))
                .allSatisfy(r -> assertThat(r.findElement(By.cssSelector(".progress-line")).getText()).endsWith("(stopped)"));
        assertThat(train.findElement(By.cssSelector("button.stop")).isEnabled()).isFalse();
    }

    private static String cell(WebElement row, int i) {
        return row.findElements(By.tagName("td")).get(i).getText();
    }

    private static String progressOf(WebElement train, int run) {
        List<WebElement> line = train.findElements(By.cssSelector(".run-progress[data-run='" + run + "'] .progress-line"));
        return line.isEmpty() ? "" : line.get(0).getText();
    }

    private static void set(WebElement train, String field, String value) {
        WebElement input = train.findElement(By.cssSelector("input[name=" + field + "]"));
        input.clear();
        if (!value.isEmpty()) input.sendKeys(value);
    }

    private void waitLong(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, TRAINING).pollingEvery(Duration.ofMillis(250)).until(condition);
    }
}
