package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nnlab.support.Visitor;
import nnlab.support.LiveServer;
import nnlab.support.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A student in a real browser: joins with a name made of markup, which every page shows as text, and
 * uses the playground and the labs under the Content-Security-Policy without a single violation (their
 * calls carrying her cookie pass the CSRF check through xsrf.js).
 */
class SecurityBrowserIT extends LiveServer {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NAME = "<script>alert(1)</script>";

    private HeadlessChromium chromium;
    private WebDriver driver;

    @BeforeEach
    void browser() throws Exception {
        chromium = HeadlessChromium.start(1280, 1000);
        driver = chromium.driver();
        chromium.recordCspViolations();
    }

    @AfterEach
    void close() throws Exception {
        if (chromium != null) chromium.close();
    }

    @Test
    void aMarkupNameIsTextAndThePagesKeepToThePolicy() throws Exception {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        String code = teacher.post("/api/classes", "{\"name\": \"Browsers\"}").json().get("code").asText();
        long classId = teacher.get("/api/classes").json().get(0).get("id").asLong();

        open("/join?code=" + code);
        assertThat(driver.findElement(By.name("code")).getAttribute("value")).isEqualTo(code);
        driver.findElement(By.name("displayName")).sendKeys(NAME);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/labs"));
        assertNoAlert();
        assertThat(chromium.cspViolations()).as("/join, /labs").isEmpty();

        open("/account");
        assertThat(driver.findElement(By.id("who")).getText()).isEqualTo(NAME);
        assertThat(driver.findElements(By.cssSelector("#who script"))).isEmpty();
        open("/join");
        assertThat(driver.findElement(By.cssSelector(".current strong")).getText()).isEqualTo(NAME);
        assertNoAlert();
        // and on the instructor's class page
        assertThat(teacher.get("/instructor/classes/" + classId).text())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(NAME);

        // the playground trains: a POST with her cookie and the CSRF header, then the STOMP stream
        open("/playground#dataset=xor&networkShape=4");
        waitUntil(d -> Boolean.TRUE.equals(chromium.js(
                "return !!(window.playground && window.playground.preview && window.playground.pointsShown > 0)")));
        driver.findElement(By.id("play")).click();
        waitUntil(d -> Long.parseLong(driver.findElement(By.id("epoch")).getText().strip()) >= 3);
        assertThat(chromium.cspViolations()).as("/playground").isEmpty();
        assertThat(teacher.get("/api/jobs?classId=" + classId).json()).isNotEmpty();

        // a lab with maths and a train widget, and the lab that embeds the playground
        openLab("/labs/04-xor");
        assertThat(driver.findElements(By.cssSelector(".lab-body .katex"))).isNotEmpty();
        WebElement train = driver.findElement(By.cssSelector("[data-widget=train]"));
        train.findElement(By.cssSelector("button.run")).click();
        waitUntil(d -> "SUCCEEDED".equals(train.findElement(By.cssSelector(".train")).getAttribute("data-status")));
        assertThat(chromium.cspViolations()).as("/labs/04-xor").isEmpty();
        openLab("/labs/03-playground");
        // its frames open when asked, as a student opens one
        WebElement exercise = driver.findElement(By.cssSelector("[data-widget=playground]"));
        exercise.findElement(By.cssSelector("button.open-frame")).click();
        WebElement frame = exercise.findElement(By.cssSelector("iframe.playground-frame"));
        waitUntil(d -> Boolean.TRUE.equals(chromium.js("const w = arguments[0].contentWindow;"
                + " return !!(w.playground && w.playground.pointsShown > 0)", frame)));
        assertThat(chromium.cspViolations()).as("/labs/03-playground").isEmpty();
        assertNoAlert();

        // the recorder does see violations: an injected inline script is blocked and reported
        chromium.js("const s = document.createElement('script'); s.textContent = 'window.ran = true';"
                + " document.body.appendChild(s);");
        waitUntil(d -> !chromium.cspViolations().isEmpty());
        assertThat(chromium.cspViolations().get(0)).startsWith("script-src");
        assertThat(chromium.js("return window.ran === true")).isEqualTo(false);
    }

    @Test
    void theApiPageKeepsToThePolicy() {
        open("/swagger-ui.html");
        waitUntil(d -> !d.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty());
        assertThat(chromium.cspViolations()).as("/swagger-ui.html").isEmpty();
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void openLab(String path) {
        open(path);
        waitUntil(d -> "true".equals(chromium.js("return document.body.dataset.widgetsReady || ''")));
        assertThat(driver.findElements(By.cssSelector(".widget-failed"))).isEmpty();
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private void waitUntil(ExpectedCondition<Boolean> condition) {
        new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(100)).until(condition);
    }
}
