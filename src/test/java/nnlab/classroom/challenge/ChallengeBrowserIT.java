package nnlab.classroom.challenge;

import static nnlab.classroom.challenge.ChallengeIT.open;
import static nnlab.classroom.challenge.ChallengeIT.spec;
import static nnlab.classroom.challenge.ChallengeIT.submit;
import static nnlab.classroom.challenge.ChallengeIT.trained;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nnlab.support.HeadlessChromium;
import nnlab.support.LiveServer;
import nnlab.support.Visitor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A student in Debian's headless Chromium joins, finds the challenge from the home page, trains on its data with
 * the page's form and submits; the leaderboard on her page, and then the projector view, follow another student's
 * submissions without a reload. The content security policy is kept. Screenshots go to target/screenshots/.
 */
class ChallengeBrowserIT extends LiveServer {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theLeaderboardFollowsSubmissionsLive() throws Exception {
        ChallengeIT.Room room = ChallengeIT.room(port, "challenge in a browser");
        String code = room.teacher().get("/api/classes/" + room.classId()).json().get("code").asText();
        JsonNode c = open(room.teacher(), room.classId(), "{\"name\": \"playground\", \"kind\": \"circle\"}",
                "\"showNames\": true, \"maxEpochs\": 60", Instant.now().plus(Duration.ofHours(1)));
        long id = c.get("id").asLong();

        try (HeadlessChromium browser = HeadlessChromium.start(1300, 1000)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            browser.recordCspViolations();
            driver.get("http://localhost:" + port + "/join");
            driver.findElement(By.name("code")).sendKeys(code);
            driver.findElement(By.name("displayName")).sendKeys("Dora");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(d -> !d.getCurrentUrl().endsWith("/join"));
            driver.get("http://localhost:" + port + "/");
            wait.until(d -> d.findElement(By.cssSelector("#challenges a"))).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/challenges/" + id));
            wait.until(d -> "true".equals(d.findElement(By.id("live")).getAttribute("data-connected")));
            assertThat(driver.findElement(By.id("data-spec")).getAttribute("textContent"))
                    .contains("\"seed\": " + c.get("dataset").get("seed").asLong());
            browser.js("window.keptSinceLoad = true");

            // train on the challenge's data from the page, then submit the finished job
            WebElement epochs = driver.findElement(By.name("epochs"));
            epochs.clear();
            epochs.sendKeys("30");
            driver.findElement(By.id("train")).click();
            wait.until(d -> !d.findElement(By.id("job-id")).getAttribute("value").isEmpty());
            driver.findElement(By.id("submit")).click();
            wait.until(d -> d.findElements(By.cssSelector("#mine tbody tr")).size() == 1);
            wait.until(d -> rows(d).size() == 1 && rows(d).get(0).contains("Dora"));
            assertThat(driver.findElement(By.id("remaining")).getText()).startsWith("4 of 5");

            // Ben submits over REST: the board on Dora's page follows
            String benJob = trained(room.ben(), spec(c, new int[] {6}, 2, 40, null));
            assertThat(submit(room.ben(), id, benJob).status()).isEqualTo(200);
            wait.until(d -> rows(d).size() == 2 && String.join("\n", rows(d)).contains("Ben"));
            assertThat(browser.js("return window.keptSinceLoad")).isEqualTo(true);
            browser.screenshot("challenge-page.png");

            // a refusal is said in words on the page: the same job again
            driver.findElement(By.id("submit")).click();
            wait.until(d -> d.findElement(By.id("refusal")).isDisplayed());
            assertThat(driver.findElement(By.id("refusal")).getText()).contains("already on this challenge's board");

            // the projector view follows too
            driver.get("http://localhost:" + port + "/challenges/" + id + "/board");
            wait.until(d -> "true".equals(d.findElement(By.id("live")).getAttribute("data-connected")));
            wait.until(d -> rows(d).size() == 2);
            browser.js("window.keptSinceLoad = true");
            String again = trained(room.ann(), spec(c, new int[] {6}, 2, 50, null));
            assertThat(submit(room.ann(), id, again).status()).isEqualTo(200);
            wait.until(d -> rows(d).size() == 3 && String.join("\n", rows(d)).contains("Ann"));
            assertThat(browser.js("return window.keptSinceLoad")).isEqualTo(true);
            String size = (String) browser.js("return getComputedStyle(document.querySelector('#leaderboard td')).fontSize");
            assertThat(Double.parseDouble(size.replace("px", ""))).isGreaterThanOrEqualTo(30);
            browser.screenshot("challenge-projector.png");
            assertThat(browser.cspViolations()).isEmpty();
        }
    }

    private static List<String> rows(WebDriver d) {
        return d.findElements(By.cssSelector("#leaderboard tbody tr")).stream().map(WebElement::getText).toList();
    }
}
