package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Questions as the server reads them from lab files and checks answers to them. */
class LabQuestionTest {

    private final LabParser parser = new LabParser();

    private Lab lab(String... blocks) throws LabFormatException {
        StringBuilder s = new StringBuilder("---\ntitle: T\norder: 1\nsummary: s\n---\nText.\n\n");
        for (String b : blocks) s.append("```widget:question\n").append(b).append("\n```\n\n");
        return parser.parse("t.md", s.toString());
    }

    @Test
    void questionsAreNumberedInPageOrderUnlessTheyHaveAnId() throws Exception {
        Lab lab = lab("{\"question\": \"a?\", \"choices\": [\"x\", \"y\"], \"answer\": 1, \"explanation\": \"Because.\"}",
                "{\"id\": \"params\", \"question\": \"b?\", \"answer\": 283}",
                "{\"question\": \"c?\", \"answer\": 0.25, \"tolerance\": 0.001}");
        assertThat(lab.questions()).extracting(LabQuestion::id).containsExactly("q1", "params", "q3");
        // the page's blocks carry the same ids, so the browser posts answers under them
        assertThat(lab.html()).contains("data-question=\"q1\"", "data-question=\"params\"", "data-question=\"q3\"");
        // the page gets the question, never its key, tolerance or explanation; a whole number's question says so
        assertThat(lab.html()).doesNotContain("answer", "283", "0.25", "tolerance", "Because")
                .contains("{&quot;question&quot;:&quot;b?&quot;,&quot;whole&quot;:true}")
                .contains("{&quot;question&quot;:&quot;c?&quot;}");
        assertThat(lab.question("q1").orElseThrow().explanation()).isEqualTo("Because.");
    }

    @Test
    void aWidgetMayWaitForAQuestionOfItsLabOnly() throws Exception {
        String plot = "```widget:plot\n{\"kind\": \"loss-1d\", \"revealAfter\": \"%s\"}\n```\n\n";
        String question = "```widget:question\n{\"id\": \"minimum\", \"question\": \"w*?\", \"answer\": 3.65}\n```\n";
        String head = "---\ntitle: T\norder: 1\nsummary: s\n---\n";
        Lab lab = parser.parse("t.md", head + plot.formatted("minimum") + question);
        assertThat(lab.html()).contains("&quot;revealAfter&quot;: &quot;minimum&quot;");
        assertThatThrownBy(() -> parser.parse("t.md", head + plot.formatted("q7") + question))
                .isInstanceOf(LabFormatException.class).hasMessageContaining("revealAfter")
                .hasMessageContaining("'q7'").hasMessageContaining("[minimum]")
                .satisfies(e -> assertThat(((LabFormatException) e).line()).isEqualTo(6));
    }

    @Test
    void answersAreCheckedAgainstTheFile() throws Exception {
        Lab lab = lab("{\"question\": \"a?\", \"choices\": [\"0.00001\", \"=SUM(A1)\", \"0.00005\"], \"answer\": 2}",
                "{\"question\": \"b?\", \"answer\": 109386, \"tolerance\": 0}",
                "{\"question\": \"c?\", \"answer\": 3.65, \"tolerance\": 0.02}");
        LabQuestion choice = lab.question("q1").orElseThrow();
        assertThat(choice.check("2")).contains(new LabQuestion.Checked("0.00005", true));
        assertThat(choice.check(" 1 ")).contains(new LabQuestion.Checked("=SUM(A1)", false));
        assertThat(choice.check("3")).isEmpty();
        assertThat(choice.check("-1")).isEmpty();
        assertThat(choice.check("two")).isEmpty();

        LabQuestion count = lab.question("q2").orElseThrow();
        assertThat(count.check("109,386")).contains(new LabQuestion.Checked("109386", true));
        assertThat(count.check("109 387")).contains(new LabQuestion.Checked("109387", false));
        assertThat(count.check("NaN")).isEmpty();
        assertThat(count.check("1e400")).isEmpty();
        assertThat(count.check("abc")).isEmpty();

        LabQuestion minimum = lab.question("q3").orElseThrow();
        assertThat(minimum.check("3.66").orElseThrow().correct()).isTrue();
        // a decimal comma is a decimal mark, never a thousands separator: "3,65" is 3.65, shown as such
        assertThat(minimum.check("3,65")).contains(new LabQuestion.Checked("3.65", true));
        assertThat(minimum.check("3,650")).contains(new LabQuestion.Checked("3.650", true));
        assertThat(minimum.check("3 65")).isEmpty();
        assertThat(count.check("109.386")).contains(new LabQuestion.Checked("109386", true));
        assertThat(minimum.check("3.7").orElseThrow().correct()).isFalse();
        assertThat(minimum.check("-3.65").orElseThrow().correct()).isFalse();
    }

    @Test
    void questionsTheServerCannotCheckAreNamedWithTheirLine() {
        assertThatThrownBy(() -> lab("{\"question\": \"a?\", \"choices\": [\"x\"], \"answer\": 1}"))
                .isInstanceOf(LabFormatException.class).hasMessageContaining("index of the right choice");
        assertThatThrownBy(() -> lab("{\"question\": \"a?\"}"))
                .isInstanceOf(LabFormatException.class).hasMessageContaining("numeric");
        assertThatThrownBy(() -> lab("{\"id\": \"q2\", \"question\": \"a?\", \"answer\": 1}",
                "{\"question\": \"b?\", \"answer\": 2}"))
                .isInstanceOf(LabFormatException.class).hasMessageContaining("two questions have the id 'q2'");
        assertThatThrownBy(() -> lab("{\"id\": \"no spaces\", \"question\": \"a?\", \"answer\": 1}"))
                .isInstanceOf(LabFormatException.class).hasMessageContaining("letters, digits");
    }

    @Test
    void everyLabsQuestionsHaveDistinctIdsAndTheirOwnAnswersAreRight() throws Exception {
        int questions = 0;
        for (var f : LabParserTest.labFiles()) {
            Lab lab = parser.parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            Set<String> ids = new HashSet<>();
            for (LabQuestion q : lab.questions()) {
                assertThat(ids.add(q.id())).as(f + " " + q.id()).isTrue();
                String right = q.isChoice() ? String.valueOf(q.rightChoice()) : String.valueOf(q.number());
                assertThat(q.check(right).orElseThrow().correct()).as(f + " " + q.id()).isTrue();
                questions++;
            }
            assertThat(lab.questions()).hasSize((int) lab.widgets().stream().filter("question"::equals).count());
        }
        assertThat(questions).isGreaterThanOrEqualTo(18);
    }
}
