package nnlab.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 7807 problem ({@code application/problem+json}). Bad input is a 400 whose
 * {@code field} names the JSON field (as {@code training.learningRate} or {@code model.layers[1].units})
 * and whose {@code detail} says what is allowed, including the configured limit; such errors are
 * logged at debug level without a stack trace. No detail names a Java type. The features' own refusals (a job
 * not found, a full queue…) are {@link ErrorResponse}s carrying their problem; this advice answers them as
 * they say without knowing them, and the engine's errors through a feature's {@link ErrorTranslator}.
 * (Errors outside the controllers: {@link ErrorAnswersConfig}; for a browser asking for a page, a problem
 * is written as the error page by {@link ProblemPages}.)
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final URI MALFORMED = URI.create("/problems/malformed-json");

    private final ObjectProvider<ErrorTranslator> translators;

    public ProblemDetailsAdvice(ObjectProvider<ErrorTranslator> translators) {
        this.translators = translators;
    }

    static ProblemDetail invalid(String field, String detail) {
        return Problems.invalid(field, detail);
    }

    /** A signed-in caller reaching someone else's job, or an anonymous one reaching a student's: 403 or 401. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(SecurityProblems.forbidden(e.getMessage()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(SecurityProblems.unauthenticated(e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e) {
        String allowed = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? ", allowed: " + String.join(", ", java.util.Arrays.stream(e.getRequiredType().getEnumConstants())
                .map(Object::toString).toList()) : "";
        return ResponseEntity.badRequest().body(invalid(e.getName(), "cannot read '" + e.getValue() + "'" + allowed));
    }

    /**
     * 406, as problem JSON even when the Accept header cannot be read: Spring drops an error's body when it
     * cannot negotiate its type, so the type is set here.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, ErrorReplies.detailFor(406, null)));
    }

    /**
     * A feature's refusal answers for itself ({@link ErrorResponse}: its status, headers and problem); an
     * exception a translator knows is answered as it says; anything else is a 500 that names nothing inside.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
        ErrorResponse answer = answerFor(e);
        if (answer != null) {
            log.debug("refused: {}", e.getMessage());
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
        }
        log.error("unexpected error", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                ErrorReplies.detailFor(500, null));
        return ResponseEntity.internalServerError().body(p);
    }

    /** An address with nothing at it, in plain words (Spring's own detail speaks of a "static resource"). */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ErrorReplies.detailFor(404, null)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError f : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", f.getField(), "reason", String.valueOf(f.getDefaultMessage())));
        }
        errors.sort((a, b) -> a.get("field").compareTo(b.get("field")));
        if (errors.isEmpty()) {
            return ResponseEntity.badRequest().body(invalid("body", "is not valid"));
        }
        ProblemDetail p = invalid(errors.get(0).get("field"), errors.get(0).get("reason"));
        p.setProperty("errors", errors);
        log.debug("invalid input: {}", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail p = unreadable(e);
        log.debug("unreadable request: {}", p.getDetail());
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    private ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.BodyTooLargeException big) return RequestBodyLimit.tooLarge(big.limit());
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            ErrorResponse answer = answerFor(t);
            if (answer != null && answer.getStatusCode().value() == 400) return answer.getBody();
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                String words = pastLimit(limit);
                String field = limit instanceof FieldNamingJsonFactory.PastLimitException named
                        ? field(named.pointer(), words.startsWith("nesting"))
                        : cause instanceof JsonMappingException m ? path(m) : "";
                return invalid(field.isEmpty() ? "body" : field, words);
            }
        }
        JsonParseException parse = null;
        for (Throwable t = cause; t != null && parse == null; t = t.getCause()) {
            if (t instanceof JsonParseException p) parse = p;
        }
        if (parse != null) {
            String at = cause instanceof JsonMappingException m && !path(m).isEmpty() ? " in " + path(m) : "";
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "the body is not valid JSON" + location(parse) + at + ": "
                            + plain(firstLine(parse.getOriginalMessage())));
            p.setType(MALFORMED);
            p.setTitle("Malformed JSON");
            p.setProperty("field", "body");
            return p;
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            String allowed = known == null ? "" : ", known fields here: "
                    + String.join(", ", new TreeSet<>(known.stream().map(String::valueOf).toList()));
            return invalid(path(u), "unknown field '" + u.getPropertyName() + "'" + allowed);
        }
        if (cause instanceof InvalidFormatException f) {
            return invalid(path(f), "cannot read " + quote(f.getValue()) + " as " + describe(f.getTargetType()));
        }
        if (cause instanceof ValueInstantiationException v) {
            String field = path(v);
            return invalid(field.isEmpty() ? "body" : field, plain(v.getCause() == null
                    ? v.getOriginalMessage() : v.getCause().getMessage()));
        }
        if (cause instanceof MismatchedInputException m) {
            String field = path(m);
            if (field.isEmpty()) return invalid("body", "must be a JSON object");
            return invalid(field, "must be " + describe(m.getTargetType()));
        }
        if (cause instanceof JsonMappingException m) {
            String field = path(m);
            return invalid(field.isEmpty() ? "body" : field, plain(m.getOriginalMessage()));
        }
        if (cause instanceof JsonProcessingException j) {
            return invalid("body", plain(j.getOriginalMessage()));
        }
        return invalid("body", "is required: a JSON object");
    }

    /** The exception's own answer, or a translator's; null for an unexpected exception. */
    private ErrorResponse answerFor(Throwable e) {
        if (e instanceof ErrorResponse own) return own;
        if (translators == null) return null;
        return translators.orderedStream().map(t -> t.translate(e)).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }

    /** The field of a JSON pointer: /model/layers/0/units as model.layers[0].units (optionally without the [0]s). */
    static String field(String pointer, boolean withoutTrailingIndexes) {
        StringBuilder s = new StringBuilder();
        int named = 0;
        for (String part : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/")) {
            if (part.matches("\\d+")) {
                s.append('[').append(part).append(']');
            } else {
                s.append(s.isEmpty() ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
                named = s.length();
            }
        }
        return withoutTrailingIndexes ? s.substring(0, named) : s.toString();
    }

    /** Which of the JSON reader's bounds (JacksonConfig) the body went past, in words. */
    private static String pastLimit(StreamConstraintsException e) {
        String which = String.valueOf(e.getMessage());
        if (which.contains("NumberLength")) {
            return "numbers are limited to " + JacksonConfig.MAX_NUMBER_DIGITS + " digits";
        }
        if (which.contains("NestingDepth")) {
            return "nesting is limited to " + JacksonConfig.MAX_NESTING + " levels of arrays and objects";
        }
        if (which.contains("NameLength")) return "a field name is longer than the JSON reader allows";
        if (which.contains("StringLength")) return "a string is longer than the JSON reader allows";
        return "the body is larger than the JSON reader allows";
    }

    private static final Pattern QUOTED_TYPE = Pattern.compile("`([\\w.$\\[\\]<>, ]+)`");

    /** A message of the JSON reader with its Java type names (`java.lang.Integer`) told in words. */
    static String plain(String message) {
        if (message == null) return "is not valid";
        Matcher m = QUOTED_TYPE.matcher(message);
        StringBuilder s = new StringBuilder();
        while (m.find()) m.appendReplacement(s, Matcher.quoteReplacement(typeWords(m.group(1))));
        m.appendTail(s);
        String text = s.toString();
        int cut = text.indexOf(" (through reference chain");
        if (cut > 0) text = text.substring(0, cut);
        return JAVA_NAME.matcher(text).find() ? "is not valid" : text;
    }

    /** A dotted Java name (java.util.List, com.example.Spec) or an exception's name. */
    private static final Pattern JAVA_NAME = Pattern.compile("\\b[a-z]+\\.[a-z]+\\.[A-Za-z]|Exception\\b");

    private static String typeWords(String type) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return switch (simple) {
            case "int", "Integer", "long", "Long", "short", "Short", "byte", "Byte", "BigInteger" -> "a whole number";
            case "double", "Double", "float", "Float", "BigDecimal" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "String", "char", "Character" -> "a string";
            default -> simple.endsWith("[]") || simple.startsWith("List") ? "an array" : "an object";
        };
    }

    private static String location(JsonProcessingException e) {
        if (e.getLocation() == null) return "";
        return " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** Jackson's message without its source excerpt and hints. */
    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int cut = message.length();
        for (String marker : new String[] {"\n", " (start marker", " at [Source", ": was expecting"}) {
            int i = message.indexOf(marker);
            if (i > 0) cut = Math.min(cut, i);
        }
        return message.substring(0, cut);
    }

    private static String quote(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    /** The JSON path of a mapping error: training.learningRate, model.layers[1].units. */
    static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!s.isEmpty()) s.append('.');
                s.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                s.append('[').append(ref.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    static String describe(Class<?> type) {
        if (type == null) return "a different type";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "an array";
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .toList());
        }
        return "an object";
    }
}
