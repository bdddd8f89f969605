package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nnlab.support.Api;
import org.junit.jupiter.api.Test;

class LabParserTest {

    static final Path CONTENT = Path.of("notebooks-content");
    final LabParser parser = new LabParser();

    static List<Path> labFiles() throws Exception {
        try (Stream<Path> s = Files.list(CONTENT)) {
            return s.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md")).sorted().toList();
        }
    }

    @Test
    void everyLabFileParses() throws Exception {
        List<Path> files = labFiles();
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("01-gradient-descent.md", "04-xor.md", "07-mnist.md");
        for (Path f : files) {
            Lab lab = parser.parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            assertThat(lab.title()).as(f.toString()).isNotBlank();
            assertThat(lab.summary()).as(f.toString()).isNotBlank();
            assertThat(lab.html()).as(f.toString()).contains("<span class=\"math\"").doesNotContain("NNLABMATH");
            assertThat(lab.widgets()).as(f.toString()).isNotEmpty();
        }
    }

    /** A confusion or digits block names the train block whose model it shows; that block is on its page. */
    @Test
    void blocksThatUseATrainedModelNameATrainBlockOfTheirPage() throws Exception {
        Pattern block = Pattern.compile("^```widget:(\\w+)\\n(.*?)^```",
                Pattern.MULTILINE | Pattern.DOTALL);
        int users = 0;
        for (Path f : labFiles()) {
            Set<String> trainNames = new HashSet<>();
            List<String> wanted = new ArrayList<>();
            Matcher m = block.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                var config = Api.JSON.readTree(m.group(2));
                if (m.group(1).equals("train") && config.has("name")) trainNames.add(config.get("name").asText());
                if (List.of("confusion", "digits").contains(m.group(1)) && config.has("train")) wanted.add(config.get("train").asText());
            }
            assertThat(trainNames).as(f.toString()).containsAll(wanted);
            users += wanted.size();
        }
        assertThat(users).as("confusion blocks in labs 5 and 7, digits in lab 7").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theFirstLabsHoldTheirWidgets() throws Exception {
        assertThat(read("01-gradient-descent.md").widgets()).containsExactly("plot", "question", "question");
        assertThat(read("04-xor.md").widgets()).contains("train", "question");
        assertThat(read("05-iris.md").widgets()).containsExactly("train", "confusion", "question", "summary", "question");
        List<String> mnist = new java.util.ArrayList<>(List.of("train", "confusion", "question", "question", "question"));
        mnist.addAll(java.util.Collections.nCopies(8 + 6 + 1, "question")); // the two quizzes and Adam's state
        mnist.addAll(List.of("digits", "train"));
        assertThat(read("07-mnist.md").widgets()).containsExactlyElementsOf(mnist);
        assertThat(read("10-regularisation.md").widgets()).containsExactly("compare", "question", "compare", "question");
    }

    private Lab read(String name) throws Exception {
        return parser.parse(name, Files.readString(CONTENT.resolve(name), StandardCharsets.UTF_8));
    }

    @Test
    void widgetBlocksBecomeElementsWithTheirSettingsAndOtherCodeStaysCode() throws Exception {
        Lab lab = parser.parse("t.md", """
                ---
                title: T
                order: 3
                summary: s
                ---
                Text with $a_1 * b_2 < c$ and
                $$\\sum_i x_i^2$$

                ```widget:question
                {"question": "<b>q</b>", "answer": 1}
                ```

                ```python
                print("<hi>")
                ```
                """);
        assertThat(lab.order()).isEqualTo(3);
        assertThat(lab.slug()).isEqualTo("t");
        assertThat(lab.html())
                .contains("<span class=\"math\" data-display=\"false\">a_1 * b_2 &lt; c</span>")
                .contains("<span class=\"math\" data-display=\"true\">\\sum_i x_i^2</span>")
                .contains("data-widget=\"question\"")
                // a question block reaches the page re-written without its key (compact JSON)
                .contains("data-config=\"{&quot;question&quot;:&quot;&lt;b&gt;q&lt;/b&gt;&quot;")
                .contains("<code class=\"language-python\">print(&quot;&lt;hi&gt;&quot;)")
                .doesNotContain("<b>q</b>");
    }

    @Test
    void rawHtmlInLabTextIsEscaped() throws Exception {
        Lab lab = parser.parse("x.md", "---\ntitle: X\norder: 1\nsummary: s\n---\n<script>alert(1)</script>\n\n[a](javascript:alert(1))\n");
        assertThat(lab.html()).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("javascript:");
    }

    @Test
    void malformedFilesAreReportedWithTheLine() {
        assertFails("no front matter\n", 1, "front matter");
        assertFails("---\ntitle: T\norder: one\nsummary: s\n---\n", 3, "order must be a whole number");
        assertFails("---\ntitle: T\nsummary: s\n---\n", 4, "lacks 'order'");
        assertFails("---\ntitle: T\ncolour: red\n---\n", 3, "unknown front matter key 'colour'");
        assertFails("---\ntitle: T\norder: 1\nsummary: s\n---\ntext\n\n```widget:slider\n{}\n```\n", 8, "unknown widget 'slider'");
        assertFails("---\ntitle: T\norder: 1\nsummary: s\n---\n\n```widget:train\n{\"spec\": {\n  \"a\": 1,,\n}}\n```\n", 9, "widget JSON is malformed");
        assertFails("---\ntitle: T\norder: 1\nsummary: s\n---\n\n```widget:plot\n[1, 2]\n```\n", 7, "one JSON object");
        assertFails("---\ntitle: T\norder: 1\nsummary: s\n---\n\n```widget:plot\n{}\n", 7, "never closed");
    }

    private void assertFails(String text, int line, String message) {
        assertThatThrownBy(() -> parser.parse("bad.md", text))
                .isInstanceOf(LabFormatException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((LabFormatException) e).line()).as(message).isEqualTo(line));
    }
}
