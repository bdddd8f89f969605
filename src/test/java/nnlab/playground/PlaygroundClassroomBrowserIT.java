package nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import nnlab.support.HeadlessChromium;
import nnlab.support.LiveServer;
import nnlab.support.NewClass;
import nnlab.support.Visitor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground of a student in a class whose instructor pauses and resumes the submissions; a student's classic
 * model followed over their shoulder and copied into the instructor's own playground.
 */
class PlaygroundClassroomBrowserIT extends LiveServer {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void aPausedClassIsSaidBesidePlayAndPlayWorksAgainOnceResumedWithoutAReload() throws Exception {
        Visitor teacher = new Visitor(port);
        assertThat(teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD).header("Location")).endsWith("/instructor");
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"Playground group\"}").json();
        long id = made.get("id").asLong();
        try (HeadlessChromium browser = HeadlessChromium.start(1400, 1000)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            wait.pollingEvery(Duration.ofMillis(100));
            driver.get("http://localhost:" + port + "/join?code=" + made.get("code").asText());
            driver.findElement(By.name("displayName")).sendKeys("Pia");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/labs"));

            assertThat(teacher.post("/api/classes/" + id + "/pause", "").status()).isEqualTo(200);
            driver.get("http://localhost:" + port + "/playground#dataset=gauss&networkShape=2");
            browser.js("window.sameDocument = true");
            // the data and the first weights' loss show without a job
            wait.until(d -> Boolean.TRUE.equals(browser.js("return window.playground.pointsShown > 0"
                    + " && document.getElementById('testLoss').textContent !== '–'")));
            driver.findElement(By.id("play")).click();
            wait.until(d -> d.findElement(By.id("runError")).isDisplayed());
            String words = driver.findElement(By.id("runError")).getText();
            assertThat(words).contains("paused").contains("Playground group").contains("▶ works again")
                    .doesNotContain("POST").doesNotContain("/api/");
            // right under the run buttons, in their group
            @SuppressWarnings("unchecked")
            Map<String, Object> where = (Map<String, Object>) browser.js("""
                    const play = document.getElementById('play').getBoundingClientRect();
                    const error = document.getElementById('runError');
                    const box = error.getBoundingClientRect();
                    return {below: box.top - play.bottom, left: box.left - play.left,
                      group: error.closest('.run') === document.getElementById('play').closest('.run')};
                    """);
            assertThat(where.get("group")).as("%s", where).isEqualTo(true);
            assertThat(((Number) where.get("below")).doubleValue()).as("under ▶: %s", where).isBetween(-5.0, 30.0);
            assertThat(((Number) where.get("left")).doubleValue()).as("under ▶: %s", where).isBetween(-150.0, 0.0);
            assertThat(driver.findElement(By.id("error")).isDisplayed()).as("nothing at the bottom").isFalse();

            assertThat(teacher.post("/api/classes/" + id + "/resume", "").status()).isEqualTo(200);
            wait.until(d -> !d.findElement(By.id("runError")).isDisplayed());
            if (!Boolean.TRUE.equals(browser.js("return window.playground.running"))) driver.findElement(By.id("play")).click();
            wait.until(d -> Long.parseLong(d.findElement(By.id("epoch")).getText().strip()) >= 3);
            assertThat(browser.js("return window.sameDocument === true")).as("no reload").isEqualTo(true);
            driver.findElement(By.id("play")).click();
        }
    }

    @Test
    void aStudentsForestSeenOverTheirShoulderOpensAsACopyInThePlayground() throws Exception {
        NewClass made = NewClass.withStudent(port, INSTRUCTOR, INSTRUCTOR_PASSWORD, "Forests", "Tom");
        long classId = made.id();
        Visitor tom = made.student();
        String job = tom.submit("""
                {"dataset": {"name": "playground", "kind": "xor", "noise": 0.05, "trainRatio": 0.5, "seed": 2},
                 "model": {"kind": "forest", "trees": 5, "maxDepth": 6}, "training": {"epochs": 5},
                 "output": {"grid": {"resolution": 50, "encoding": "bytes"}}, "seed": 3}
                """);
        tom.awaitSucceeded(job);
        long studentId = made.firstStudentId();
        try (HeadlessChromium browser = HeadlessChromium.start(1400, 1000)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            browser.signIn(port, INSTRUCTOR, INSTRUCTOR_PASSWORD, "/instructor", wait);
            driver.get("http://localhost:" + port + "/instructor/classes/" + classId + "/students/" + studentId + "/shoulder");
            wait.until(d -> job.equals(browser.js("return document.getElementById('shoulder').dataset.job || ''"))
                    && d.findElement(By.id("copy-playground")).isDisplayed());
            assertThat(driver.findElement(By.id("what")).getText()).contains("playground xor");
            String copy = driver.findElement(By.id("copy-playground")).getAttribute("href");
            assertThat(copy).contains("model=forest").contains("trees=5").contains("maxDepth=6").contains("dataset=xor")
                    .contains("dataSeed=2").contains("seed=3");

            driver.get(copy);
            wait.until(d -> Boolean.TRUE.equals(browser.js("return window.playground.pointsShown > 0")));
            assertThat(driver.findElement(By.id("model")).getAttribute("value")).isEqualTo("forest");
            assertThat(driver.findElement(By.id("classic-trees")).getAttribute("value")).isEqualTo("5");
            driver.findElement(By.id("play")).click();
            wait.until(d -> "000005".equals(d.findElement(By.id("epoch")).getText().strip())
                    && !d.findElement(By.id("testAccuracy")).getText().equals("–"));
            // the same data, seed and trees: the student's accuracy
            double theirs = tom.get("/api/jobs/" + job).json().get("last").get("test").get("accuracy").asDouble();
            assertThat(driver.findElement(By.id("testAccuracy")).getText())
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f %%", 100 * theirs));
        }
    }
}
