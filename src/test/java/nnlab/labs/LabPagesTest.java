package nnlab.labs;

import nnlab.support.SignedInSessions;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nnlab.identity.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** The lab pages over MVC: the index in order, every lab rendered, a broken file named with its line. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:lab-pages;DB_CLOSE_DELAY=-1",
        "nnlab.data-dir=target/lab-pages-data",
        "nnlab.labs.dir=target/lab-pages"})
@AutoConfigureMockMvc
class LabPagesTest {

    static final Path DIR = Path.of("target/lab-pages");

    static {
        try {
            Files.createDirectories(DIR);
            try (var old = Files.list(DIR)) {
                for (Path p : old.toList()) Files.delete(p);
            }
            for (Path f : LabParserTest.labFiles()) Files.copy(f, DIR.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    SessionRepository<? extends Session> sessions;

    String page(String path, int status) throws Exception {
        return mvc.perform(get(path)).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    /** The page as a signed-in instructor's session sees it. */
    String instructorsPage(String path) throws Exception {
        return mvc.perform(get(path).with(new SignedInSessions(sessions).as(Person.instructor("teacher"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static final Pattern CONFIG = Pattern.compile(
            "data-widget=\"([a-z]+)\"[^>]*?data-config=\"([^\"]*)\"");

    /** A widget block as the page holds it: its widget's name and its settings. */
    private record Block(String widget, JsonNode config) {
    }

    private static List<Block> configs(String html) throws Exception {
        var json = new ObjectMapper();
        List<Block> found = new ArrayList<>();
        var m = CONFIG.matcher(html);
        while (m.find()) {
            String text = HtmlUtils.htmlUnescape(m.group(2));
            found.add(new Block(m.group(1), json.readTree(text)));
        }
        return found;
    }

    @Test
    void noLabPageHoldsAnAnswerKeyAndTheServerStillChecksEveryQuestion() throws Exception {
        LabParser parser = new LabParser();
        int questions = 0;
        for (Path f : LabParserTest.labFiles()) {
            Lab lab = parser.parse(f.getFileName().toString(), Files.readString(f));
            String html = page("/labs/" + lab.slug(), 200);
            var blocks = configs(html);
            assertThat(blocks).as(lab.slug()).hasSize(lab.widgets().size());
            var asked = blocks.stream().filter(b -> b.widget().equals("question")).map(Block::config).toList();
            assertThat(asked).hasSize(lab.questions().size());
            for (int i = 0; i < asked.size(); i++) {
                var config = asked.get(i);
                LabQuestion q = lab.questions().get(i);
                String where = lab.slug() + " " + q.id();
                assertThat(config.get("question").asText()).as(where).isEqualTo(q.text());
                assertThat(config.has("answer") || config.has("tolerance") || config.has("explanation")).as(where).isFalse();
                List<String> names = new ArrayList<>();
                config.fieldNames().forEachRemaining(names::add);
                assertThat(names).as(where).isSubsetOf("question", "choices", "placeholder", "whole");
                if (q.explanation() != null) assertThat(html).as(where).doesNotContain(
                        HtmlUtils.htmlEscape(q.explanation()));

                // the server alone says right or wrong, and gives the explanation with a right answer
                String right = q.isChoice() ? String.valueOf(q.rightChoice()) : String.valueOf(q.number());
                String wrong = q.isChoice() ? String.valueOf((q.rightChoice() + 1) % q.choices().size())
                        : String.valueOf(q.number() + q.tolerance() + 1);
                var rightVerdict = answer(lab.slug(), q.id(), right);
                assertThat(rightVerdict.get("correct").asBoolean()).as(where).isTrue();
                if (q.explanation() != null) assertThat(rightVerdict.get("explanation").asText()).isEqualTo(q.explanation());
                var wrongVerdict = answer(lab.slug(), q.id(), wrong);
                assertThat(wrongVerdict.get("correct").asBoolean()).as(where).isFalse();
                assertThat(wrongVerdict.get("explanation").isNull()).as(where).isTrue();
                questions++;
            }
        }
        assertThat(questions).isGreaterThan(20);
    }

    private int asking;

    /** An anonymous visitor's answer; each from its own client, so that no rate limit counts them together. */
    private JsonNode answer(String lab, String question, String answer) throws Exception {
        String body = "{\"question\": \"" + question + "\", \"answer\": \"" + answer + "\"}";
        String text = mvc.perform(post("/api/labs/" + lab + "/answers").contentType("application/json").content(body)
                        .header("X-Nnlab-Client", "key-check-" + (asking++ / 20)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new ObjectMapper().readTree(text);
    }

    @Test
    void indexListsTheLabsInOrderAndEveryLabRenders() throws Exception {
        String index = page("/labs", 200);
        assertThat(index).doesNotContain("could not be read");
        int one = index.indexOf("/labs/01-gradient-descent"), four = index.indexOf("/labs/04-xor"), seven = index.indexOf("/labs/07-mnist");
        assertThat(one).isPositive().isLessThan(four);
        assertThat(four).isLessThan(seven);
        for (Path f : LabParserTest.labFiles()) {
            String slug = f.getFileName().toString().replace(".md", "");
            String html = page("/labs/" + slug, 200);
            assertThat(html).contains("class=\"lab-widget\"").contains("/labs/labs.js").contains("katex.min.js");
        }
        String mnist = page("/labs/07-mnist", 200);
        assertThat(mnist).contains("data-widget=\"digits\"").contains("data-widget=\"train\"")
                .contains("<title>nnlab — 11. MNIST digits</title>").contains("← ");
        assertThat(page("/labs/01-gradient-descent", 200)).doesNotContain("← ").contains(" →</a>");
        page("/labs/no-such-lab", 404);
        assertThat(page("/labs/data/boston.csv", 200)).startsWith("CRIM,ZN,INDUS");
        page("/labs/data/secrets.csv", 404);
        assertThat(page("/labs/labs.js", 200)).contains("import");
    }

    @Test
    void aBrokenFileIsNamedWithItsLineAndTheOthersKeepWorking() throws Exception {
        Path broken = DIR.resolve("99-broken.md");
        Path changed = DIR.resolve("98-changing.md");
        try {
            Files.writeString(broken, "---\ntitle: Broken <b>lab</b>\norder: 99\nsummary: s\n---\ntext\n\n```widget:train\n{\"spec\": {,}}\n```\n");
            Files.writeString(changed, "---\ntitle: First title\norder: 98\nsummary: s\n---\ntext\n");
            String index = instructorsPage("/labs");
            assertThat(index).contains("Labs that could not be read")
                    .contains("<code class=\"problem-file\">99-broken.md</code>")
                    .contains("line <span class=\"problem-line\">9</span>")
                    .contains("widget JSON is malformed")
                    .contains("/labs/01-gradient-descent").contains("/labs/07-mnist").contains("First title");
            page("/labs/04-xor", 200);
            page("/labs/99-broken", 404);
            // visitors (and students) are shown the working labs alone
            assertThat(page("/labs", 200)).doesNotContain("could not be read").doesNotContain("99-broken")
                    .contains("/labs/01-gradient-descent").contains("First title");

            // a changed file is read again on the next request
            Files.writeString(changed, "---\ntitle: Second title\norder: 98\nsummary: s\n---\ntext\n");
            Files.setLastModifiedTime(changed, FileTime.from(Instant.now().plusSeconds(5)));
            assertThat(page("/labs", 200)).contains("Second title").doesNotContain("First title");

            // repaired: gone from the problems, served as a lab
            Files.writeString(broken, "---\ntitle: Mended <b>lab</b>\norder: 99\nsummary: s\n---\ntext\n");
            Files.setLastModifiedTime(broken, FileTime.from(Instant.now().plusSeconds(10)));
            index = instructorsPage("/labs");
            assertThat(index).doesNotContain("could not be read").contains("Mended &lt;b&gt;lab&lt;/b&gt;");
            assertThat(page("/labs/99-broken", 200)).contains("Mended &lt;b&gt;lab&lt;/b&gt;");
        } finally {
            Files.deleteIfExists(broken);
            Files.deleteIfExists(changed);
        }
        assertThat(page("/labs", 200)).doesNotContain("99-broken");
    }
}
