package nnlab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.http.MockHttpInputMessage;

/**
 * The JSON reader's bounds as the API names them: in words, at the field being read. (Through the API,
 * nesting is mostly refused earlier, as a value of the wrong type; a free-form value meets the bound.)
 */
class ReaderBoundsTest {

    private final ObjectMapper json = mapper();
    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(null);

    private static ObjectMapper mapper() {
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        new JacksonConfig().strictCoercion().customize(builder);
        return builder.build();
    }

    private ProblemDetail problemReading(String body) {
        Throwable e = catchThrowable(() -> json.readValue(body, JsonNode.class));
        assertThat(e).as("reading %s", body.length() > 80 ? body.substring(0, 80) : body).isNotNull();
        var unreadable = new HttpMessageNotReadableException("unreadable", e, new MockHttpInputMessage(new byte[0]));
        return (ProblemDetail) advice.handleHttpMessageNotReadable(unreadable, null, null, null).getBody();
    }

    @Test
    void aNumberPastTheDigitsIsNamedWithItsField() {
        ProblemDetail p = problemReading("{\"training\": {\"epochs\": " + "7".repeat(1001) + "}}");
        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getProperties()).containsEntry("field", "training.epochs");
        assertThat(p.getDetail()).isEqualTo("training.epochs: numbers are limited to 1000 digits");

        ProblemDetail inArray = problemReading("{\"points\": [[1, 2], [3, 0." + "1".repeat(2000) + "]]}");
        assertThat(inArray.getProperties()).containsEntry("field", "points[1][1]");
    }

    @Test
    void nestingPastTheBoundIsNamedAtTheFieldItStartsIn() {
        ProblemDetail p = problemReading("{\"model\": {\"extra\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}}");
        assertThat(p.getProperties()).containsEntry("field", "model.extra");
        assertThat(p.getDetail()).isEqualTo("model.extra: nesting is limited to 100 levels of arrays and objects");
        assertThat(problemReading("[".repeat(101) + "]".repeat(101)).getProperties()).containsEntry("field", "body");
        assertThat(catchThrowable(() -> json.readTree("[".repeat(100) + "]".repeat(100)))).isNull();
    }

    @Test
    void messagesOfTheReaderAreToldWithoutJavaTypes() {
        assertThat(ProblemDetailsAdvice.plain("Cannot deserialize value of type `java.lang.Integer` from String"))
                .isEqualTo("Cannot deserialize value of type a whole number from String");
        assertThat(ProblemDetailsAdvice.plain("Cannot invoke \"java.util.List.size()\" because \"x\" is null"))
                .isEqualTo("is not valid");
        assertThat(ProblemDetailsAdvice.plain("Numeric value (99999999999) out of range of `int`"))
                .isEqualTo("Numeric value (99999999999) out of range of a whole number");
    }
}
