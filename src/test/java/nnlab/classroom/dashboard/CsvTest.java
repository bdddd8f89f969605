package nnlab.classroom.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasStartWithAnApostrophe() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-1.02")).isEqualTo("'-1.02");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("Alice = Bob")).isEqualTo("Alice = Bob");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAndQuotesDoubled() {
        assertThat(Csv.cell("Smith, Ann")).isEqualTo("\"Smith, Ann\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("<script>alert(1)</script>")).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void rowsEndWithCrLfAndNullIsAnEmptyCell() {
        String csv = new Csv().row("name", "right", "when").row("Ann", 3, null)
                .row("Bob", true, Instant.parse("2026-01-02T03:04:05Z")).toString();
        assertThat(csv).isEqualTo("name,right,when\r\nAnn,3,\r\nBob,true,2026-01-02T03:04:05Z\r\n");
    }
}
