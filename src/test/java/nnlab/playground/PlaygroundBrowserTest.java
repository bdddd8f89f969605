package nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nnlab.support.DefaultLimitsServer;
import nnlab.support.HeadlessChromium;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the playground's browser tests share: one headless Chromium per class on the random-port server, the page
 * opened with a hash, its readouts, waits that say the page's state when they time out, and the check that the
 * drawn output map has the colours of the server's own predictions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlaygroundBrowserTest extends DefaultLimitsServer {

    static final Duration WAIT = Duration.ofSeconds(30);

    HeadlessChromium browser;
    WebDriver driver;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1400, 1000);
        driver = browser.driver();
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) browser.close();
    }

    void open(String hash) {
        driver.get("http://localhost:" + port + "/playground" + hash);
    }

    /** Waits until the page shows its data (an idle page has no job: its data comes from a preview). */
    void waitReady() {
        waitUntil(d -> Boolean.TRUE.equals(js("return !!(window.playground && window.playground.pointsShown > 0)")));
    }

    long epoch() {
        return Long.parseLong(text("epoch"));
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }

    Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    void click(By by) {
        new WebDriverWait(driver, WAIT).until(d -> {
            WebElement e = d.findElement(by);
            return e.isDisplayed() && e.isEnabled() ? e : null;
        }).click();
    }

    void waitUntil(Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(100)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("page state: " + js("const p = window.playground || {};"
                    + " const shown = (id) => { const e = document.getElementById(id); return e && !e.hidden; };"
                    + " return JSON.stringify({epoch: document.getElementById('epoch').textContent, running: p.running,"
                    + " job: p.jobId, error: p.error || document.getElementById('error').textContent,"
                    + " lost: shown('connection'), url: location.hash})"), e);
        }
    }

    Path screenshot(String name) throws Exception {
        return browser.screenshot(name);
    }

    /**
     * At the given cells {column, row} of the 50×50 output map, the pixel drawn has the colour of the server's
     * prediction there: with several classes the argmax class's colour shaded by its score, else the colour of output
     * {@code column} (a network's one output, or a classic model's P(class 1) beside P(class 0)).
     */
    void mapAgreesWithServerPredictions(boolean classes, int column, int[][] cells) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const [classes, column, cells] = arguments;
                const points = cells.map(([c, r]) => [-6 + 12 * c / 49, 6 - 12 * r / 49]);
                fetch(`/api/jobs/${window.playground.jobId}/predict`, {method: 'POST',
                    headers: {'Content-Type': 'application/json'}, body: JSON.stringify({points})})
                  .then(r => r.json()).then(p => {
                    const ctx = document.getElementById('heatmap').getContext('2d');
                    done(cells.map(([c, r], i) => ({
                      drawn: [...ctx.getImageData(c, r, 1, 1).data.slice(0, 3)],
                      expected: classes ? window.playground.classColor(p.outputs[i])
                          : window.playground.color(p.outputs[i][column]),
                      output: p.outputs[i]})));
                  }).catch(e => done([{error: String(e)}]));
                """, classes, column, cells);
        assertThat(checks).hasSize(cells.length);
        for (Map<String, Object> c : checks) {
            @SuppressWarnings("unchecked")
            List<Number> drawn = (List<Number>) c.get("drawn");
            @SuppressWarnings("unchecked")
            List<Number> expected = (List<Number>) c.get("expected");
            for (int i = 0; i < 3; i++) {
                assertThat(drawn.get(i).intValue()).as("%s", c).isCloseTo(expected.get(i).intValue(), Offset.offset(2));
            }
        }
    }
}
