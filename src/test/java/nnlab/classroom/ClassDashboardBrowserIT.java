package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import nnlab.support.Visitor;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import nnlab.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The instructor signs in through the login form and keeps the class dashboard open in Debian's headless
 * Chromium while a student (over REST, with their cookie) runs jobs and answers a question, and a second
 * student joins and answers on the lab page in a browser of their own: the page follows without a reload. The student's display name is a script tag, shown as text. Screenshots go to
 * target/screenshots/.
 */
class ClassDashboardBrowserIT extends LiveServer {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SCRIPT_NAME = "<script>alert(1)</script>";

    @Test
    void theOpenDashboardFollowsAStudentsJobsAndAnswers() throws Exception {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"Live class\"}").json();
        long classId = made.get("id").asLong();
        Visitor student = new Visitor(port);
        assertThat(student.join(made.get("code").asText(), SCRIPT_NAME).status()).isEqualTo(302);

        try (HeadlessChromium browser = HeadlessChromium.start(1300, 1000)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            // the dashboard sends a signed-out browser to the login form, and back after signing in
            driver.get("http://localhost:" + port + "/instructor/classes/" + classId + "/dashboard");
            wait.until(d -> d.getCurrentUrl().contains("/login"));
            driver.findElement(By.name("username")).sendKeys(INSTRUCTOR);
            driver.findElement(By.name("password")).sendKeys(INSTRUCTOR_PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().contains("/instructor/classes/" + classId + "/dashboard"));
            wait.until(d -> "true".equals(d.findElement(By.id("live")).getAttribute("data-connected")));
            WebElement nameCell = wait.until(d -> d.findElement(By.cssSelector("#students tbody tr td.name")));
            assertThat(nameCell.getText()).isEqualTo(SCRIPT_NAME);
            assertThat((String) browser.js("return arguments[0].innerHTML", nameCell))
                    .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertNoAlert(driver);
            browser.js("window.keptSinceLoad = true");

            // a job of the student's: the queue shows it running, the student's row its epochs
            // (an MNIST run of some minutes: a spiral of 10,000 epochs can end before the page has shown it running)
            String job = student.submit(Specs.mnist(2000, 100, 4, 1000, null));
            wait.until(d -> !d.findElements(By.cssSelector("#queue tr[data-job='" + job + "']")).isEmpty());
            // (the job lines are drawn anew on every update: look them up each time)
            new WebDriverWait(driver, WAIT).withMessage(() -> "the job's line: " + text(driver, "#students .job[data-job='" + job + "']")
                            + "; the job: " + student.get("/api/jobs/" + job).text())
                    .until(d -> text(d, "#students .job[data-job='" + job + "']")
                    .matches("running · epoch [1-9]\\d*/1000 · loss \\d+\\.\\d{4} acc .*"));
            browser.screenshot("dashboard-running.png");
            // cancelled from the queue
            driver.findElement(By.cssSelector("#queue tr[data-job='" + job + "'] button.cancel")).click();
            wait.until(d -> d.findElements(By.cssSelector("#queue tr[data-job='" + job + "']")).isEmpty());
            assertThat(student.get("/api/jobs/" + job).json().get("status").asText()).isEqualTo("CANCELLED");

            String finished = student.submit(Specs.spiral(5, null));
            wait.until(d -> text(d, "#students .job[data-job='" + finished + "']")
                    .startsWith("succeeded · epoch 5/5 · loss "));

            // an answer: the question's row counts it, with the wrong answer given
            String q1 = "#questions tr[data-question='01-gradient-descent/q1']";
            assertThat(driver.findElement(By.cssSelector(q1 + " .answered")).getText()).isEqualTo("0");
            student.post("/api/labs/01-gradient-descent/answers", "{\"question\": \"q1\", \"answer\": \"1\"}");
            wait.until(d -> d.findElement(By.cssSelector(q1 + " .answered")).getText().equals("1"));
            assertThat(driver.findElement(By.cssSelector(q1 + " .share")).getText()).isEqualTo("0 %");
            assertThat(driver.findElement(By.cssSelector(q1 + " .wrong")).getText()).contains("1e-5").contains("×1");
            assertThat(driver.findElement(By.cssSelector("#students tbody tr td.right")).getText()).isEqualTo("0/1");

            // a second student in a browser of their own: joins with the code, opens lab 1 and answers there
            try (HeadlessChromium erinsBrowser = HeadlessChromium.start(1200, 900)) {
                WebDriver erin = erinsBrowser.driver();
                WebDriverWait erinWaits = new WebDriverWait(erin, WAIT);
                erin.get("http://localhost:" + port + "/join?code=" + made.get("code").asText());
                erin.findElement(By.name("displayName")).sendKeys("Erin");
                erin.findElement(By.cssSelector("form button[type=submit]")).click();
                erinWaits.until(d -> d.getCurrentUrl().endsWith("/labs"));
                erin.get("http://localhost:" + port + "/labs/01-gradient-descent");
                erinWaits.until(d -> "true".equals(erinsBrowser.js("return document.body.dataset.widgetsReady || ''")));
                WebElement question = erin.findElement(By.cssSelector("[data-widget=question][data-question=q1]"));
                question.findElements(By.cssSelector("input[type=radio]")).get(2).click();
                question.findElement(By.cssSelector("button.check")).click();
                erinWaits.until(d -> "true".equals(question.findElement(By.cssSelector(".question"))
                        .getAttribute("data-stored")));
                erinsBrowser.screenshot("dashboard-student-answered.png");
            }
            String erinRow = "#students tbody tr:nth-child(2)";
            wait.until(d -> text(d, erinRow + " td.name").equals("Erin")
                    && text(d, erinRow + " td.page").equals("1. Gradient descent on one weight")
                    && text(d, erinRow + " td.right").equals("1/1"));
            wait.until(d -> text(d, q1 + " .answered").equals("2") && text(d, q1 + " .share").equals("50 %"));

            // pausing the class's submissions from the page
            driver.findElement(By.id("submissions")).click();
            wait.until(d -> d.findElement(By.id("submissions")).getText().equals("Resume submissions"));
            assertThat(student.post("/api/jobs", Specs.spiral(1, null)).status()).isEqualTo(423);

            assertThat(browser.js("return window.keptSinceLoad === true")).as("the page was not reloaded").isEqualTo(true);
            assertNoAlert(driver);
            browser.screenshot("dashboard.png");
        }
    }

    /** The element's text, or "" while it is not there (or was just replaced by an update). */
    private static String text(WebDriver driver, String css) {
        try {
            return driver.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText).orElse("");
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    private static void assertNoAlert(WebDriver driver) {
        try {
            driver.switchTo().alert();
            throw new AssertionError("a script ran from a display name: an alert is open");
        } catch (NoAlertPresentException expected) {
            // the name was text
        }
    }
}

