package nnlab.classroom.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nnlab.support.HeadlessChromium;
import nnlab.support.LiveServer;
import nnlab.support.NewClass;
import nnlab.support.Visitor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium: the instructor types a question on the class dashboard and launches it; it appears over
 * a student's lab page (the time from the click to the overlay is printed), the student answers there, a second
 * student answers over REST, and the instructor's histogram follows; a reload shows the open question again with
 * the answer given; the reveal shows the student right or wrong with the explanation. A number question then
 * appears over the playground and takes a comma. Screenshots go to target/screenshots/.
 */
class QuizBrowserIT extends LiveServer {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aLaunchedQuestionAppearsOverAStudentsPageAndTheHistogramFollowsTheAnswers() throws Exception {
        NewClass made = NewClass.withStudent(port, INSTRUCTOR, INSTRUCTOR_PASSWORD, "quiz in the browser", "Fay");
        Visitor teacher = made.teacher();
        long classId = made.id();
        String code = made.code();
        Visitor fay = made.student();

        try (HeadlessChromium instructorBrowser = HeadlessChromium.start(1300, 1000);
             HeadlessChromium erinsBrowser = HeadlessChromium.start(1200, 900)) {
            WebDriver erin = erinsBrowser.driver();
            WebDriverWait erinWaits = new WebDriverWait(erin, WAIT);
            erin.get("http://localhost:" + port + "/join?code=" + code);
            erin.findElement(By.name("displayName")).sendKeys("Erin");
            erin.findElement(By.cssSelector("form button[type=submit]")).click();
            erinWaits.until(d -> d.getCurrentUrl().endsWith("/labs"));
            erin.get("http://localhost:" + port + "/labs/01-gradient-descent");
            awaitQuizLive(erinsBrowser, erinWaits);

            WebDriver driver = instructorBrowser.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            instructorBrowser.signIn(port, INSTRUCTOR, INSTRUCTOR_PASSWORD, "/instructor", wait);
            driver.get("http://localhost:" + port + "/instructor/classes/" + classId + "/dashboard");
            wait.until(d -> !d.findElements(By.cssSelector("#quiz-lab option")).isEmpty());
            driver.findElement(By.id("quiz-text")).sendKeys("Which are squashing functions?");
            driver.findElement(By.id("quiz-choices")).sendKeys("sigmoid\nReLU\ntanh");
            driver.findElement(By.id("quiz-correct")).sendKeys("A, C");
            driver.findElement(By.id("quiz-explanation")).sendKeys("sigmoid and tanh squash every input into a band");
            long clicked = System.currentTimeMillis();
            driver.findElement(By.id("quiz-launch-typed")).click();

            WebElement overlay = erinWaits.until(d -> d.findElement(By.id("quiz-overlay")));
            long shownAt = Long.parseLong(overlay.getAttribute("data-shown-at"));
            System.out.printf("[quiz browser] click on Launch to the overlay on the student's lab page: %d ms%n",
                    shownAt - clicked);
            assertThat(overlay.getText()).contains("Which are squashing functions?").contains("A. sigmoid")
                    .doesNotContain("squash every input").doesNotContain("Answer:");
            assertThat(erin.findElements(By.cssSelector("#quiz-overlay input[type=checkbox]"))).hasSize(3);
            wait.until(d -> "open".equals(d.findElement(By.id("quiz-current")).getAttribute("data-state")));
            assertThat(counts(driver)).containsExactly("0", "0", "0");

            // Erin answers on the page, Fay over REST: the instructor's histogram follows each
            List<WebElement> boxes = erin.findElements(By.cssSelector("#quiz-overlay input[type=checkbox]"));
            boxes.get(0).click();
            boxes.get(2).click();
            erin.findElement(By.cssSelector("#quiz-overlay button.quiz-send")).click();
            erinWaits.until(d -> text(d, "#quiz-overlay .quiz-said").startsWith("Answer sent"));
            wait.until(d -> counts(d).equals(List.of("1", "0", "1")));
            long quizId = Long.parseLong(overlay.getAttribute("data-quiz-id"));
            fay.post("/api/quiz/" + quizId + "/answer", "{\"choices\": [1]}");
            wait.until(d -> counts(d).equals(List.of("1", "1", "1")) && text(d, "#quiz-answered").equals("2"));
            instructorBrowser.screenshot("quiz-histogram.png");

            // a reload in the middle shows the open question again, with Erin's answer
            erin.navigate().refresh();
            erinWaits.until(d -> !d.findElements(By.cssSelector("#quiz-overlay input[type=checkbox]")).isEmpty());
            assertThat(erin.findElements(By.cssSelector("#quiz-overlay input[type=checkbox]")))
                    .extracting(WebElement::isSelected).containsExactly(true, false, true);
            awaitQuizLive(erinsBrowser, erinWaits);

            // the reveal: right, with the explanation; the histogram marks the right choices
            driver.findElement(By.id("quiz-reveal")).click();
            erinWaits.until(d -> text(d, "#quiz-overlay .quiz-right").equals("Right!"));
            assertThat(text(erin, "#quiz-overlay .quiz-explanation")).isEqualTo("sigmoid and tanh squash every input into a band");
            assertThat(text(erin, "#quiz-overlay .quiz-class")).isEqualTo("1 of 2 in the class answered right.");
            erinsBrowser.screenshot("quiz-overlay-revealed.png");
            wait.until(d -> d.findElements(By.cssSelector("#quiz-histogram .bar-row.right")).size() == 2);
            wait.until(d -> d.findElement(By.cssSelector("#quiz-results tbody tr")).getText().contains("1 (50 %)"));

            // over the playground: a number question, answered with a comma
            erin.get("http://localhost:" + port + "/playground");
            awaitQuizLive(erinsBrowser, erinWaits);
            driver.findElement(By.cssSelector("input[name=quiz-kind][value=number]")).click();
            driver.findElement(By.id("quiz-text")).clear();
            driver.findElement(By.id("quiz-text")).sendKeys("Test accuracy after 5 epochs?");
            driver.findElement(By.id("quiz-number")).sendKeys("0.965");
            driver.findElement(By.id("quiz-tolerance")).clear();
            driver.findElement(By.id("quiz-tolerance")).sendKeys("0.01");
            driver.findElement(By.id("quiz-explanation")).clear();
            clicked = System.currentTimeMillis();
            driver.findElement(By.id("quiz-launch-typed")).click();
            WebElement number = erinWaits.until(d -> d.findElement(By.cssSelector("#quiz-overlay input[name=number]")));
            System.out.printf("[quiz browser] click on Launch to the overlay on the student's playground: %d ms%n",
                    Long.parseLong(erin.findElement(By.id("quiz-overlay")).getAttribute("data-shown-at")) - clicked);
            number.sendKeys("0,97");
            erin.findElement(By.cssSelector("#quiz-overlay button.quiz-send")).click();
            wait.until(d -> text(d, "#quiz-answered").equals("1") && counts(d).equals(List.of("1")));
            assertThat(text(driver, "#quiz-histogram .bar-label")).isEqualTo("0.97");
            driver.findElement(By.id("quiz-reveal")).click();
            erinWaits.until(d -> text(d, "#quiz-overlay .quiz-right").equals("Right!"));
            erinsBrowser.screenshot("quiz-overlay-playground.png");
        }
    }

    private static void awaitQuizLive(HeadlessChromium browser, WebDriverWait wait) {
        wait.until(d -> "true".equals(browser.js("return document.documentElement.dataset.quizLive || ''")));
    }

    private static List<String> counts(WebDriver driver) {
        try {
            return driver.findElements(By.cssSelector("#quiz-histogram .bar-row")).stream()
                    .map(e -> e.getAttribute("data-count")).toList();
        } catch (StaleElementReferenceException e) {
            return List.of();
        }
    }

    private static String text(WebDriver driver, String css) {
        try {
            return driver.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText).orElse("");
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }
}
