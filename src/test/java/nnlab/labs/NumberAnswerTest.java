package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers as students type them, read as the page reads them (the same table as src/test/js/numbers.test.js). */
class NumberAnswerTest {

    @Test
    void theSharedTableReadsTheSameOnTheServer() throws IOException {
        List<String[]> table;
        try (InputStream in = getClass().getResourceAsStream("typed-numbers.tsv")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
        }
        assertThat(table).hasSizeGreaterThan(30);
        for (String[] row : table) {
            var read = NumberAnswer.read(row[0], Boolean.parseBoolean(row[1]));
            if (row[2].equals("-")) {
                assertThat(read).as(row[0]).isEmpty();
            } else {
                assertThat(read).as(row[0] + " whole " + row[1])
                        .contains(new NumberAnswer.Read(Double.parseDouble(row[2]), row[2]));
            }
        }
    }

    @Test
    void generatedDecimalCommasAreNeverReadAsThousands() {
        Random random = new Random(20261205);
        for (int i = 0; i < 5000; i++) {
            String integer = Long.toString(random.nextInt(10_000_000));
            String fraction = Integer.toString(random.nextInt(1000));
            if (fraction.length() == 3 && random.nextBoolean()) fraction = fraction.substring(0, 2); // not only three places
            String expected = integer + "." + fraction;
            boolean whole = fraction.length() != 3 && random.nextBoolean();
            assertThat(NumberAnswer.read(integer + "," + fraction, whole)).as(integer + "," + fraction)
                    .map(NumberAnswer.Read::text).contains(expected);
            assertThat(NumberAnswer.read(integer + "," + fraction, whole).orElseThrow().value())
                    .isEqualTo(Double.parseDouble(expected));
        }
    }

    @Test
    void generatedWholeNumbersReadBackWithAnyGrouping() {
        Random random = new Random(5);
        for (int i = 0; i < 5000; i++) {
            long n = 1000 + random.nextInt(Integer.MAX_VALUE - 1000);
            String digits = Long.toString(n);
            for (String sep : List.of(" ", ",", ".", "_", "\u00A0")) {
                StringBuilder grouped = new StringBuilder(digits);
                for (int at = digits.length() - 3; at > 0; at -= 3) grouped.insert(at, sep);
                assertThat(NumberAnswer.read(grouped.toString(), true)).as(grouped.toString())
                        .contains(new NumberAnswer.Read(n, digits));
            }
        }
    }
}
