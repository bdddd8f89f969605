package nnlab.labs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number as a student types it, in either convention: "3.65" and "3,65" are both 3.65, never 365.
 * The rule (the page's frontend/labs/numbers.js reads numbers the same way):
 * <ul>
 *   <li>spaces (also non-breaking and thin ones) and underscores group digits: "1 234" is 1234;</li>
 *   <li>with both a comma and a dot, the last of them is the decimal mark and the other groups: "1,234.5" and
 *       "1.234,5" are 1234.5;</li>
 *   <li>one comma or one dot alone is the decimal mark, except in a question whose answer is a whole number,
 *       where one followed by exactly three digits groups thousands: "1,234" is 1234 there and 1.234
 *       elsewhere;</li>
 *   <li>the same mark twice or more groups: "1,234,567" is 1234567;</li>
 *   <li>grouped digits come in threes after a first group of one to three digits ("3 65" is not a number,
 *       rather than a guess); an exponent ("5e-5") only without grouping.</li>
 * </ul>
 */
public final class NumberAnswer {

    private static final Pattern SHAPE = Pattern.compile("([+-]?)([0-9.,_ ]+)([eE][+-]?[0-9]+)?");
    private static final Pattern GROUPED = Pattern.compile("[1-9][0-9]{0,2}(?:([ _,.])[0-9]{3}(?:\\1[0-9]{3})*)?");

    /** @param text the number as the instructor sees it: "." as decimal mark, no grouping */
    public record Read(double value, String text) {
    }

    private NumberAnswer() {
    }

    /** @param whole whether the question's answer is a whole number (a lone ",ddd" or ".ddd" then groups) */
    public static Optional<Read> read(String typed, boolean whole) {
        if (typed == null) return Optional.empty();
        String s = typed.strip().replaceAll("[\\u00A0\\u202F\\u2009]", " ").replace('\u2212', '-');
        Matcher m = SHAPE.matcher(s);
        if (!m.matches()) return Optional.empty();
        String sign = m.group(1).equals("-") ? "-" : "";
        String body = m.group(2).strip();
        String exponent = m.group(3) == null ? "" : m.group(3).toLowerCase();
        int comma = body.lastIndexOf(','), dot = body.lastIndexOf('.');
        int decimal = decimalMark(body, comma, dot, whole);
        String integer = decimal < 0 ? body : body.substring(0, decimal);
        String fraction = decimal < 0 ? "" : body.substring(decimal + 1);
        if (!fraction.matches("[0-9]*") || integer.isEmpty() && fraction.isEmpty()) return Optional.empty();
        boolean grouped = !integer.matches("[0-9]*");
        if (grouped && (!exponent.isEmpty() || !GROUPED.matcher(integer).matches())) return Optional.empty();
        String digits = integer.replaceAll("[^0-9]", "");
        String text = sign + (digits.isEmpty() ? "0" : digits) + (fraction.isEmpty() ? "" : "." + fraction) + exponent;
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? Optional.of(new Read(value, text)) : Optional.empty();
    }

    /** The decimal mark's index in the body, or -1 when it has none. */
    private static int decimalMark(String body, int comma, int dot, boolean whole) {
        if (comma >= 0 && dot >= 0) return Math.max(comma, dot);
        int at = Math.max(comma, dot);
        if (at < 0) return -1;
        char mark = body.charAt(at);
        if (body.indexOf(mark) != at) return -1; // the same mark twice: grouping
        boolean thousands = whole && body.length() - at - 1 == 3 && GROUPED.matcher(body).matches();
        return thousands ? -1 : at;
    }
}
