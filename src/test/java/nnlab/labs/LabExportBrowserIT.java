package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A lab's train block exports its run as code, in Debian's headless Chromium (the labs' shared server). */
class LabExportBrowserIT extends LabBrowserTest {

    @Test
    void theIrisTrainBlockExportsItsRunAsAPyTorchScriptWithItsWeights() throws Exception {
        open("/labs/05-iris");
        WebElement train = driver.findElement(By.cssSelector("[data-widget=train]"));
        WebElement info = train.findElement(By.cssSelector(".export-code .export-info"));
        train.findElement(By.cssSelector(".export-code .export-pytorch")).click();
        waitUntil(d -> info.getText().contains("nothing to export yet: run it first"));

        train.findElement(By.cssSelector("button.run")).click();
        WebElement box = train.findElement(By.cssSelector(".train"));
        waitUntil(d -> "SUCCEEDED".equals(box.getAttribute("data-status")));
        String job = box.getAttribute("data-job-id");
        train.findElement(By.cssSelector(".export-code .export-pytorch")).click();
        waitUntil(d -> ("nnlab-job-" + job + "-pytorch.py").equals(box.getAttribute("data-exported")));
        assertThat(info.getText()).contains("nnlab-job-" + job + "-pytorch.py downloaded.", "the trained weights")
                .doesNotContain("CSV"); // Iris comes from scikit-learn
        String weights = (String) browser.js("return fetch(arguments[0]).then((r) => r.text())",
                train.findElement(By.cssSelector(".export-code a.export-weights-json")).getAttribute("href"));
        assertThat(weights).contains("\"jobId\":\"" + job + "\"", "\"kernels\":[[[");
        screenshot("lab-iris-export.png", train);
    }
}
