package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The labs' charts as a student reads them, in Debian's headless Chromium: round tick labels at equal steps
 * that cover the data, no chart labels on top of each other, and lab pages that fit a 1280×800 window.
 * (The same server settings as LabsBrowserIT, so both share one server.)
 */
class LabChartsBrowserIT extends LabBrowserTest {

    /** A loss or val_loss figure of one epoch in the train block's Keras-style log (not the test line). */
    private static final Pattern EPOCH_LOSS = Pattern.compile("^\\d+/\\d+ - .*");
    private static final Pattern LOSS = Pattern.compile("(?:^| )(?:val_)?loss: (\\d+\\.\\d+)");

    @Test
    void theIrisLossChartHasRoundTicksAtEqualStepsCoveringEveryLossOfTheRun() throws Exception {
        open("/labs/05-iris");
        WebElement train = driver.findElement(By.cssSelector("[data-widget=train]"));
        train.findElement(By.cssSelector("button.run")).click();
        waitUntil(d -> "SUCCEEDED".equals(train.findElement(By.cssSelector(".train")).getAttribute("data-status")));

        String log = (String) js("return document.querySelector('[data-widget=train] .keras-log').textContent");
        List<Double> losses = new ArrayList<>();
        String previous = "";
        for (String line : log.split("\n")) {
            boolean epochLine = previous.startsWith("Epoch ") && EPOCH_LOSS.matcher(line).matches(); // not evaluate()'s
            previous = line;
            if (!epochLine) continue;
            Matcher m = LOSS.matcher(line);
            while (m.find()) losses.add(Double.parseDouble(m.group(1)));
        }
        assertThat(losses).as("train and validation loss of 50 epochs").hasSize(100);
        double lo = losses.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = losses.stream().mapToDouble(Double::doubleValue).max().orElseThrow();

        WebElement chart = train.findElement(By.cssSelector(".loss-curve svg"));
        List<String> y = labels(chart, "text.tick.y");
        List<String> x = labels(chart, "text.tick.x");
        System.out.println("[labs] iris loss chart: losses " + lo + " to " + hi + ", y ticks " + y + ", x ticks " + x);
        // the log's figures are rounded to 4 decimals: the chart's own data lies within 0.00005 of them
        assertRoundTicksCovering(y, lo + 5e-5, hi - 5e-5);
        assertRoundTicksCovering(x, 1, 50);
        assertThat(x).as("epochs are whole numbers").allMatch(s -> s.matches("\\d+"));
        assertThat(overlappingTexts(chart)).isEmpty();
        assertThat(labels(train.findElement(By.cssSelector(".loss-curve svg")), "text.axis-label"))
                .containsExactly("epoch", "loss (cross-entropy)");
        screenshot("lab5-iris-loss-ticks.png", train);
    }

    @Test
    void theTickModuleGivesRoundLabelsToTheStepsPrecision() {
        open("/labs/09-activations");
        // the browser's own module, as every chart uses it
        Object out = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/shared/draw/ticks.js').then(t => done(["
                        + "  t.linearTicks(0.3471, 1.2893).labels, t.linearTicks(1, 20, {integer: true}).labels,"
                        + "  t.linearTicks(0, 8.2e5, {widen: false}).labels, t.linearTicks(0, 8.2e5).labels, t.linearTicks(0, 3.9e-5).labels,"
                        + "  t.linearTicks(-3, 3, {widen: false, count: 6}).labels, t.linearTicks(0.69, 0.7).labels,"
                        + "  t.linearTicks(1, 1).labels, t.logTicks(0.0123, 4.7).labels, t.logTicks(1e-9, 1e6).labels,"
                        + "  t.linearTicks(0.6931471805599453, 0.6931471805599454).labels, t.linearTicks(1e20, 1e20 + 1e5).labels]))"
                        + ".catch(e => done(String(e)))");
        assertThat(out).asList().containsExactly(
                List.of("0.2", "0.4", "0.6", "0.8", "1.0", "1.2", "1.4"),
                List.of("0", "5", "10", "15", "20"),
                List.of("0", "200,000", "400,000", "600,000", "800,000"),
                // from a million on, one power of ten for the whole axis
                List.of("0", "0.2e6", "0.4e6", "0.6e6", "0.8e6", "1.0e6"),
                List.of("0", "1e-5", "2e-5", "3e-5", "4e-5"),
                List.of("-3", "-2", "-1", "0", "1", "2", "3"),
                List.of("0.690", "0.692", "0.694", "0.696", "0.698", "0.700"),
                List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"),
                List.of("0.01", "0.1", "1", "10"),
                List.of("1e-10", "1e-5", "1", "1e5", "1e10"),
                // values apart only in their last bits are one value (steps of 1e-17 would never end)
                List.of("0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"),
                List.of("0", "0.2e20", "0.4e20", "0.6e20", "0.8e20", "1.0e20"));
    }

    @Test
    void everyLabFitsA1280By800WindowWithNoChartLabelsOnTopOfEachOther() throws Exception {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1280, 800));
        try {
            driver.get("http://localhost:" + port + "/labs");
            List<String> links = driver.findElements(By.cssSelector("#labs a")).stream()
                    .map(a -> a.getAttribute("href")).toList();
            assertThat(links).hasSizeGreaterThanOrEqualTo(10);
            for (String link : links) {
                open(link.substring(link.indexOf("/labs/")));
                assertThat(outsideTheColumn()).as(link).isEmpty();
                for (WebElement chart : driver.findElements(By.cssSelector("svg.chart"))) {
                    assertThat(overlappingTexts(chart)).as(link).isEmpty();
                }
            }
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Tick labels in order, checked: 1, 2 or 5 × 10^k apart, each a multiple of the step, from at or below lo to at or above hi. */
    private static void assertRoundTicksCovering(List<String> labels, double lo, double hi) {
        assertThat(labels).hasSizeBetween(3, 12);
        double[] v = labels.stream().mapToDouble(s -> Double.parseDouble(s.replace(",", ""))).toArray();
        double step = v[1] - v[0];
        double power = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        assertThat(step / power).as("step %s of %s", step, labels).isIn(1.0, 2.0, 5.0).isCloseTo(Math.rint(step / power), within(1e-9));
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        for (int i = 0; i < v.length; i++) {
            if (i > 0) assertThat(v[i] - v[i - 1]).as("equal steps in %s", labels).isCloseTo(step, within(step * 1e-9));
            assertThat(v[i] / step).as("%s a multiple of the step", labels.get(i)).isCloseTo(Math.rint(v[i] / step), within(1e-9));
            String s = labels.get(i);
            int shown = s.contains(".") ? s.length() - s.indexOf('.') - 1 : 0;
            assertThat(shown).as("decimals of %s on a step of %s", s, step).isEqualTo(decimals);
        }
        assertThat(v[0]).as("first tick at or below the data").isLessThanOrEqualTo(lo).isGreaterThan(lo - step);
        assertThat(v[v.length - 1]).as("last tick at or above the data").isGreaterThanOrEqualTo(hi).isLessThan(hi + step);
    }

    private static List<String> labels(WebElement chart, String selector) {
        return chart.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    /** Pairs of a chart's texts whose boxes overlap. */
    @SuppressWarnings("unchecked")
    private List<String> overlappingTexts(WebElement chart) {
        return (List<String>) browser.js("""
                const boxes = [...arguments[0].querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
                const out = [];
                boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
                  if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5) out.push(a + ' / ' + b);
                }));
                return out;
                """, chart);
    }

    /** Elements of the page's column that stick out of it, unless a scrolling box of their own holds them. */
    @SuppressWarnings("unchecked")
    private List<String> outsideTheColumn() {
        return (List<String>) browser.js("""
                const main = document.querySelector('main'), right = main.getBoundingClientRect().right;
                const out = [];
                if (document.documentElement.scrollWidth > window.innerWidth) out.push('the page scrolls sideways');
                for (const e of main.querySelectorAll('*')) {
                  const r = e.getBoundingClientRect();
                  if (!r.width || r.right <= right + 1) continue;
                  let held = false;
                  for (let a = e.parentElement; a && a !== main; a = a.parentElement) {
                    if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) held = true;
                  }
                  if (!held) out.push(e.tagName + '.' + (e.className.baseVal ?? e.className) + ' ends at ' + Math.round(r.right));
                }
                return out;
                """);
    }
}
