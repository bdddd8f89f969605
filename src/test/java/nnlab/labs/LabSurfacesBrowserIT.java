package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The optimisers lab's surface widgets in headless Chromium: the server's paths drawn side by side on the
 * contour plot, and a slider's change fetching new paths. (The same server settings as LabsBrowserIT.)
 */
class LabSurfacesBrowserIT extends LabBrowserTest {

    @Test
    void theSaddleShowsFourPathsAndALearningRateChangeFetchesNewOnes() throws Exception {
        open("/labs/optimisers");
        WebElement saddle = driver.findElements(By.cssSelector("[data-widget=surface]")).get(0);
        assertThat(saddle.getAttribute("data-fetches")).isEqualTo("1");
        List<WebElement> paths = saddle.findElements(By.cssSelector(".surface-plot polyline.series"));
        assertThat(paths).extracting(p -> p.getAttribute("data-name"))
                .containsExactly("gradient descent", "momentum", "RMSProp", "Adam");
        assertThat(saddle.findElements(By.cssSelector(".surface-plot image.contours"))).hasSize(1);
        assertThat(value(saddle, "sgd", "data-y")).as("the text's y = 0.13").isCloseTo(0.13, within(0.005));
        assertThat(value(saddle, "adam", "data-loss")).as("f = −0.250").isCloseTo(-0.25, within(0.0005));
        screenshot("optimisers-saddle.png", saddle);

        WebElement rate = saddle.findElement(By.cssSelector("input[name=learning-rate]"));
        browser.js("arguments[0].value = 50; arguments[0].dispatchEvent(new Event('input')); arguments[0].dispatchEvent(new Event('change'))", rate);
        waitUntil(d -> "2".equals(saddle.getAttribute("data-fetches")));
        assertThat(saddle.getAttribute("data-learning-rate")).isEqualTo("0.01");
        assertThat(value(saddle, "sgd", "data-x")).as("the text's (−0.24, 0.003)").isCloseTo(-0.24, within(0.005));
        assertThat(value(saddle, "sgd", "data-loss")).as("f = 0.057").isCloseTo(0.057, within(0.0005));

        WebElement bowl = driver.findElements(By.cssSelector("[data-widget=surface]")).get(1);
        WebElement beta = bowl.findElement(By.cssSelector("input[name=beta]"));
        assertThat(value(bowl, "momentum", "data-loss")).as("momentum f = 0.00014").isCloseTo(0.00014, within(0.000005));
        browser.js("arguments[0].value = 0; arguments[0].dispatchEvent(new Event('change'))", beta);
        waitUntil(d -> "2".equals(bowl.getAttribute("data-fetches")));
        assertThat(value(bowl, "momentum", "data-loss")).as("β = 0: momentum is gradient descent")
                .isEqualTo(value(bowl, "sgd", "data-loss"));
    }

    @Test
    void theDepthLabColoursEachLinearRegionAndCountsThem() throws Exception {
        open("/labs/depth");
        WebElement regions = driver.findElement(By.cssSelector("[data-widget=regions]"));
        List<WebElement> maps = regions.findElements(By.cssSelector("figure[data-regions]"));
        assertThat(maps).extracting(f -> f.getAttribute("data-layers")).containsExactly("10", "10,10,10", "10,10,10,10,10");
        assertThat(maps).extracting(f -> f.getAttribute("data-regions")).containsExactly("49", "231", "389");
        assertThat(maps.get(2).getText()).contains("5 hidden layers of 10, 10, 10, 10, 10: 389 regions");
        // the map has as many colours as regions (a few may share one): far more on the deep network's
        long colours = (Long) browser.js("const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "const s = new Set(); for (let i = 0; i < d.length; i += 4) s.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]); return s.size;",
                maps.get(2).findElement(By.cssSelector("canvas")));
        assertThat(colours).isGreaterThan(200);
        screenshot("depth-regions.png", regions);

        WebElement seed = regions.findElement(By.cssSelector("input[name=seed]"));
        browser.js("arguments[0].value = 2; arguments[0].dispatchEvent(new Event('change'))", seed);
        waitUntil(d -> "2".equals(regions.getAttribute("data-seed")));
        List<Integer> counts = regions.findElements(By.cssSelector("figure[data-regions]")).stream()
                .map(f -> Integer.parseInt(f.getAttribute("data-regions"))).toList();
        System.out.println("[labs] regions of 1, 3, 5 layers of 10 at seed 2: " + counts);
        assertThat(counts).isSortedAccordingTo(Integer::compare).doesNotContainSequence(49, 231, 389);
    }

    @Test
    void theDepthLabMarksTheShallowNetsWrongPointsOnItsBoundary() throws Exception {
        open("/labs/depth");
        List<WebElement> trains = driver.findElements(By.cssSelector("[data-widget=train]"));
        trains.get(0).findElement(By.cssSelector("button.run")).click();
        trains.get(1).findElement(By.cssSelector("button.run")).click();
        WebElement block = driver.findElement(By.cssSelector("[data-widget=boundaries]"));
        WebElement shallow = block.findElement(By.cssSelector("figure[data-train=shallow]"));
        WebElement deep = block.findElement(By.cssSelector("figure[data-train=deep]"));
        waitUntil(d -> shallow.getAttribute("data-wrong") != null && deep.getAttribute("data-wrong") != null);
        System.out.println("[labs] depth boundaries: " + shallow.getText() + " | " + deep.getText());
        assertThat(shallow.getAttribute("data-wrong")).as("the text's 43 of 200").isEqualTo("43");
        assertThat(shallow.getAttribute("data-points")).isEqualTo("200");
        assertThat(shallow.getText()).contains("shallow: 43 of 200 test points wrong (78.5 % right), epoch 150");
        assertThat(deep.getAttribute("data-wrong")).as("the text's 2").isEqualTo("2");
        // the same count as the server's evaluation of the same job in the confusion block
        WebElement confusion = driver.findElements(By.cssSelector("[data-widget=confusion] .confusion")).get(0);
        waitUntil(d -> confusion.getAttribute("data-accuracy") != null);
        assertThat(confusion.getAttribute("data-job-id")).isEqualTo(shallow.getAttribute("data-job-id"));
        assertThat(Double.parseDouble(confusion.getAttribute("data-accuracy"))).isCloseTo(1 - 43 / 200.0, within(1e-9));
        // the marks are drawn: the shallow map has far more of their red than the deep one's two
        String red = "const d = arguments[0].getContext('2d').getImageData(0, 0, 300, 300).data; let n = 0;"
                + "for (let i = 0; i < d.length; i += 4) if (d[i] > 190 && d[i + 1] < 60 && d[i + 2] < 60) n++; return n;";
        long shallowRed = (Long) browser.js(red, shallow.findElement(By.cssSelector("canvas")));
        long deepRed = (Long) browser.js(red, deep.findElement(By.cssSelector("canvas")));
        System.out.println("[labs] red mark pixels: shallow " + shallowRed + ", deep " + deepRed);
        assertThat(deepRed).isPositive();
        assertThat(shallowRed).isGreaterThan(10 * deepRed);
        screenshot("depth-boundaries.png", block);
    }

    @Test
    void theDepthLabCountsTheRegionsOfItsTrainedNetworks() throws Exception {
        open("/labs/depth");
        WebElement compare = driver.findElement(By.cssSelector("[data-widget=compare]"));
        compare.findElement(By.cssSelector("button.run")).click();
        WebElement trained = driver.findElements(By.cssSelector("[data-widget=regions]")).get(1);
        waitUntil(d -> trained.findElements(By.cssSelector("figure[data-regions]")).size() == 3);
        List<WebElement> maps = trained.findElements(By.cssSelector("figure[data-regions]"));
        maps.forEach(m -> System.out.println("[labs] trained regions: " + m.getText()));
        assertThat(maps).extracting(f -> f.getAttribute("data-train"))
                .containsExactly("depths/1 layer", "depths/3 layers", "depths/5 layers");
        assertThat(maps).extracting(f -> f.getAttribute("data-layers")).containsExactly("10", "10,10,10", "10,10,10,10,10");
        assertThat(maps).extracting(f -> f.getAttribute("data-regions")).as("the text's 44, 532 and 1,433")
                .containsExactly("44", "532", "1433");
        assertThat(maps.get(2).getText()).contains("depths/5 layers, 5 hidden layers of 10, 10, 10, 10, 10, trained 150 epochs: 1433 regions");
        // each map is the job the compare block trained, whose own regions the server counted
        List<String> jobs = compare.findElements(By.cssSelector("tr.variant-result")).stream().map(r -> r.getText()).toList();
        assertThat(jobs).hasSize(3);
        assertThat(maps).allSatisfy(m -> assertThat(m.getAttribute("data-job-id")).isNotBlank());
        screenshot("depth-trained-regions.png", trained);
    }

    private static double value(WebElement widget, String optimizer, String attribute) {
        return Double.parseDouble(widget.findElement(By.cssSelector("tr[data-optimizer=" + optimizer + "]")).getAttribute(attribute));
    }
}
