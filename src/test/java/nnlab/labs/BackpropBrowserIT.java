package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Lab 6 in Chromium: the ∂e/∂b graph as a student changes a and b, and a trained network's trace stepped through. */
class BackpropBrowserIT extends LabBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theGraphShowsForwardValuesAndDerivativesForTheStudentsAAndB() throws Exception {
        open("/labs/backprop");
        WebElement graph = driver.findElement(By.cssSelector("[data-widget=compgraph]"));
        browser.js("arguments[0].scrollIntoView({block: 'start'})", graph);
        assertThat(node(graph, "c")).isEqualTo("c = 3");
        assertThat(node(graph, "d")).isEqualTo("d = 2");
        assertThat(node(graph, "e")).isEqualTo("e = 6");
        assertThat(edge(graph, "c-e")).isEqualTo("∂e/∂c = d = 2");
        assertThat(edge(graph, "d-e")).isEqualTo("∂e/∂d = c = 3");
        assertThat(edge(graph, "b-c")).isEqualTo("∂c/∂b = 1");
        assertThat(result(graph)).isEqualTo("∂e/∂b = ∂e/∂c·∂c/∂b + ∂e/∂d·∂d/∂b = 2·1 + 3·1 = 5");
        screenshot("lab-backprop-graph.png", graph);

        type(graph, "a", "1");
        type(graph, "b", "3");
        waitUntil(d -> node(graph, "e").equals("e = 16"));
        assertThat(result(graph)).isEqualTo("∂e/∂b = ∂e/∂c·∂c/∂b + ∂e/∂d·∂d/∂b = 4·1 + 4·1 = 8");

        graph.findElement(By.cssSelector("button.mode-reverse")).click();
        assertThat(derivative(graph, "e")).isEqualTo("∂e/∂e = 1");
        assertThat(derivative(graph, "c")).isEqualTo("∂e/∂c = 4");
        assertThat(derivative(graph, "a")).isEqualTo("∂e/∂a = 4");
        assertThat(derivative(graph, "b")).isEqualTo("∂e/∂b = 8");
        assertThat(result(graph)).contains("one sweep gives ∂e/∂a = 4 and ∂e/∂b = 8");

        graph.findElement(By.cssSelector("button.mode-forward")).click();
        assertThat(derivative(graph, "a")).isEqualTo("∂a/∂b = 0");
        assertThat(derivative(graph, "d")).isEqualTo("∂d/∂b = 1");
        assertThat(derivative(graph, "e")).isEqualTo("∂e/∂b = 8");
        assertThat(result(graph)).contains("∂e/∂a = 4 needs a second sweep");

        WebElement k = graph.findElement(By.cssSelector("input[name=k]"));
        browser.js("arguments[0].value = 10; arguments[0].dispatchEvent(new Event('input'))", k);
        assertThat(graph.findElement(By.cssSelector(".compgraph-operations")).getText())
                .isEqualTo("k = 10: 1,024 paths; summing over them takes 19,456 products and 1,023 sums; "
                        + "factorised (reverse mode) 40 products and 10 sums.");
    }

    @Test
    void theTraceOfATrainedXorNetworkIsSteppedThroughBesideFiniteDifferences() throws Exception {
        open("/labs/backprop");
        WebElement train = driver.findElement(By.cssSelector("[data-widget=train]"));
        WebElement widget = driver.findElement(By.cssSelector("[data-widget=backprop]"));
        assertThat(widget.findElement(By.cssSelector("button.bp-next")).isEnabled()).isFalse();
        train.findElement(By.cssSelector("button.run")).click();
        waitUntil(d -> "SUCCEEDED".equals(train.findElement(By.cssSelector(".train")).getAttribute("data-status")));
        String job = train.findElement(By.cssSelector(".train")).getAttribute("data-job-id");
        waitUntil(d -> job.equals(widget.getAttribute("data-job-id")));
        browser.js("arguments[0].scrollIntoView({block: 'start'})", widget);

        new Select(widget.findElement(By.cssSelector("select.bp-example"))).selectByValue("3");
        waitUntil(d -> widget.findElement(By.cssSelector(".bp-note")).getText().contains("training example 3"));
        assertThat(widget.findElement(By.cssSelector(".bp-note")).getText()).contains("after 100 epochs")
                .contains("inputs (1, 1), target 0");
        JsonNode trace = post("/api/jobs/" + job + "/trace", "{\"index\": 3}").get("trace");
        JsonNode hidden = trace.get("layers").get(0);
        JsonNode out = trace.get("layers").get(1);

        WebElement next = widget.findElement(By.cssSelector("button.bp-next"));
        assertThat(step(widget)).isEqualTo("step 0 of 7");
        assertThat(neuron(widget, 0, 0, "z")).isEqualTo("z = ·");
        next.click(); // forward, h1.1
        assertThat(step(widget)).isEqualTo("step 1 of 7 · forward");
        assertThat(value(neuron(widget, 0, 0, "z"))).isCloseTo(hidden.get("z").get(0).asDouble(), within(1e-5));
        assertThat(value(neuron(widget, 0, 0, "a"))).isCloseTo(hidden.get("a").get(0).asDouble(), within(1e-5));
        assertThat(neuron(widget, 0, 1, "z")).isEqualTo("z = ·");
        assertThat(explanation(widget)).startsWith("Forward, h1.1: z = 1·").contains("a = tanh(z) = ");
        next.click();
        next.click(); // forward, ŷ
        double shownOut = value(neuron(widget, 1, 0, "a"));
        assertThat(shownOut).isCloseTo(out.get("a").get(0).asDouble(), within(1e-8)).isCloseTo(0.0054, within(0.00005));
        assertThat(widget.findElements(By.cssSelector("tr.bp-grad"))).isEmpty();
        next.click(); // the loss
        assertThat(value(widget.findElement(By.cssSelector(".bp-loss")).getText())).isCloseTo(trace.get("loss").asDouble(), within(1e-8));
        next.click(); // backward, ŷ: δ = ŷ − y, and its three incoming parameters
        assertThat(value(neuron(widget, 1, 0, "delta"))).isCloseTo(shownOut, within(1e-12));
        assertThat(widget.findElements(By.cssSelector("tr.bp-grad"))).hasSize(3);
        assertThat(neuron(widget, 0, 0, "delta")).isEqualTo("δ = ·");
        next.click();
        next.click(); // backward, both hidden neurons: δ passed back through w and tanh'
        assertThat(step(widget)).isEqualTo("step 7 of 7 · backward");
        assertThat(next.isEnabled()).isFalse();
        assertThat(explanation(widget)).contains("δ = f'(z)·Σ w·δ_next");
        assertThat(value(neuron(widget, 0, 1, "delta"))).isCloseTo(hidden.get("delta").get(1).asDouble(), within(1e-9));

        List<WebElement> rows = widget.findElements(By.cssSelector("tr.bp-grad"));
        assertThat(rows).hasSize(9);
        for (WebElement row : rows) {
            String[] p = row.getAttribute("data-param").split("-");
            JsonNode layer = trace.get("layers").get(Integer.parseInt(p[1]));
            double g = p[0].equals("w") ? layer.get("kernelGradient").get(Integer.parseInt(p[2])).get(Integer.parseInt(p[3])).asDouble()
                    : layer.get("biasGradient").get(Integer.parseInt(p[2])).asDouble();
            double fd = p[0].equals("w") ? layer.get("kernelEstimate").get(Integer.parseInt(p[2])).get(Integer.parseInt(p[3])).asDouble()
                    : layer.get("biasEstimate").get(Integer.parseInt(p[2])).asDouble();
            double shownG = value(row.findElement(By.cssSelector(".c2")).getText());
            double shownFd = value(row.findElement(By.cssSelector(".c3")).getText());
            assertThat(shownG).as(row.getText()).isCloseTo(g, within(Math.abs(g) * 1e-5 + 1e-12));
            assertThat(shownFd).as(row.getText()).isCloseTo(fd, within(Math.abs(fd) * 1e-5 + 1e-12));
            assertThat(value(row.findElement(By.cssSelector(".c4")).getText())).as(row.getText()).isLessThan(1e-5);
        }
        System.out.println("[lab backprop] example 3 traced in the page: " + rows.stream().map(WebElement::getText).toList());
        screenshot("lab-backprop-trace.png", widget);

        widget.findElement(By.cssSelector("button.bp-back")).click();
        assertThat(step(widget)).isEqualTo("step 6 of 7 · backward");
        assertThat(widget.findElements(By.cssSelector("tr.bp-grad"))).hasSize(6);
    }

    private static String node(WebElement graph, String id) {
        return graph.findElement(By.cssSelector(".compgraph-value[data-node=" + id + "]")).getText();
    }

    private static String derivative(WebElement graph, String id) {
        return graph.findElement(By.cssSelector(".compgraph-derivative[data-node=" + id + "]")).getText();
    }

    private static String edge(WebElement graph, String id) {
        return graph.findElement(By.cssSelector(".compgraph-edge-label[data-edge=" + id + "]")).getText();
    }

    private static String result(WebElement graph) {
        return graph.findElement(By.cssSelector(".compgraph-result")).getText();
    }

    private static void type(WebElement graph, String name, String value) {
        WebElement input = graph.findElement(By.cssSelector("input[name=" + name + "]"));
        input.clear();
        input.sendKeys(value);
    }

    private static String step(WebElement widget) {
        return widget.findElement(By.cssSelector(".bp-step")).getText();
    }

    private static String explanation(WebElement widget) {
        return widget.findElement(By.cssSelector(".bp-explain")).getText();
    }

    private static String neuron(WebElement widget, int layer, int unit, String part) {
        return widget.findElement(By.cssSelector(".bp-neuron[data-layer='" + layer + "'][data-unit='" + unit + "'] .bp-" + part)).getText();
    }

    /** The number in a shown text like "z = −0.25" or "1.2e−7". */
    private static double value(String shown) {
        String s = shown.contains("=") ? shown.substring(shown.lastIndexOf('=') + 1) : shown;
        return Double.parseDouble(s.strip().replace('−', '-'));
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
