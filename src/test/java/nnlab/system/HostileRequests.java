package nnlab.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Hostile requests for every operation of the OpenAPI document, drawn from a seeded random source: odd
 * path parameters, malformed and mutated bodies, odd addresses and methods, event streams of bad ids.
 */
final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "@@HOLE@@";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One request to send; {@code field} is the body field it spoils (dotted, as problems name it), or null. */
    record Probe(String category, String method, String target, Map<String, String> headers, byte[] body,
                 String field) {
        boolean underApi() {
            String path = target.replaceFirst("^/+", "/");
            return path.startsWith("/api") || path.startsWith("/ws");
        }

        /** A browser's request outside the API, with a request line the server can read (and so its Accept). */
        boolean asksForPage() {
            boolean readable = target.length() < 8 * 1024 && target.chars().allMatch(c -> c > 32 && c < 127 && c != '\\');
            return readable && !underApi() && String.valueOf(headers.get("Accept")).contains("text/html");
        }

        String describe() {
            String t = target.length() > 160 ? target.substring(0, 160) + "...(" + target.length() + " chars)" : target;
            String b = body == null ? "" : " body " + (body.length > 200
                    ? new String(body, 0, 200, StandardCharsets.UTF_8) + "...(" + body.length + " bytes)"
                    : new String(body, StandardCharsets.UTF_8));
            return category + ": " + method + " " + t + " " + headers + b;
        }
    }

    /** An operation of the document: method, path template, and a sample body if it takes one. */
    record Operation(String method, String path, List<String> queryParameters, JsonNode sampleBody) {
    }

    /** Real ids for path parameters, and the credentials to send. */
    record Fixtures(String jobId, long classId, long tokenId, String lab, String instructorToken,
                    String studentToken) {
    }

    static final List<String> HOSTILE_IDS = List.of("no-such-job", "0", "-1", "99999999999999999999999", "1e400",
            "NaN", "%ff", "%00", "%2F", "..", "%2e%2e", "a;b", "%0d%0aX-Injected:%201", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%E2%98%83", "x".repeat(300), "%25", "%20", "null", "%7Bid%7D", "'%20OR%201=1--");

    static final List<String> ODD_VALUES = List.of("1e400", "-1e400", "-0", "\"NaN\"", "NaN", "\"Infinity\"", "-Infinity",
            "1e-400", "9223372036854775808", "-9223372036854775809", "1".repeat(5000), "0." + "3".repeat(5000),
            "2147483648", "1.5", "true", "null", "\"\"", "[]", "{}", "\"abc\"", "[1, [2, [3]]]", "{\"a\": 1}");

    private final Random random;
    private final Fixtures fixtures;
    private final List<Operation> operations;
    private final List<Probe> probes = new ArrayList<>();
    private int clients;

    HostileRequests(long seed, Fixtures fixtures, JsonNode openApi, Map<String, JsonNode> samples) {
        this.random = new Random(seed);
        this.fixtures = fixtures;
        this.operations = operations(openApi, samples);
    }

    List<Operation> operations() {
        return operations;
    }

    /** The operations of the document; bodies from {@code samples} (by "METHOD path") or from the schema. */
    static List<Operation> operations(JsonNode doc, Map<String, JsonNode> samples) {
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> op = m.next();
                if (!METHODS.contains(op.getKey())) continue;
                String method = op.getKey().toUpperCase();
                List<String> query = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    if (p.path("in").asText().equals("query")) query.add(p.get("name").asText());
                }
                JsonNode body = null;
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (!content.isMissingNode()) {
                    body = samples.get(method + " " + path.getKey());
                    if (body == null) {
                        JsonNode schema = content.elements().hasNext() ? content.elements().next().path("schema") : null;
                        body = schema == null ? JsonNodeFactory.instance.objectNode() : fromSchema(doc, schema, 0);
                    }
                }
                ops.add(new Operation(method, path.getKey(), query, body));
            }
        }
        return ops;
    }

    /** A plain value of a schema: "x" for strings, 1 for numbers, one item for arrays. */
    static JsonNode fromSchema(JsonNode doc, JsonNode schema, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return depth > 6 ? f.nullNode() : fromSchema(doc, doc.path("components").path("schemas").path(name), depth + 1);
        }
        if (schema.has("enum")) return schema.get("enum").get(0);
        switch (schema.path("type").asText("object")) {
            case "string": return f.textNode("x");
            case "integer": return f.numberNode(1);
            case "number": return f.numberNode(0.5);
            case "boolean": return f.booleanNode(true);
            case "array": {
                ArrayNode a = f.arrayNode();
                a.add(fromSchema(doc, schema.path("items"), depth + 1));
                return a;
            }
            default: {
                ObjectNode o = f.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = p.next();
                    o.set(e.getKey(), fromSchema(doc, e.getValue(), depth + 1));
                }
                return o;
            }
        }
    }

    List<Probe> generate() {
        for (Operation op : operations) {
            pathParameters(op);
            queryParameters(op);
            if (op.sampleBody() != null) bodies(op);
            oddPaths(op);
        }
        oddMethods();
        eventStreams();
        pages();
        webSocketEndpoint();
        oddHeaders();
        return probes;
    }

    /** Every path parameter as a real id, an unknown one and hostile strings. */
    private void pathParameters(Operation op) {
        if (!op.path().contains("{")) {
            add("plain", op, op.path(), body(op));
            return;
        }
        List<String> values = new ArrayList<>(HOSTILE_IDS);
        values.add(0, realId(op.path()));
        for (String value : values) {
            String target = op.path().replaceAll("\\{[^}]+}", value);
            add(value.equals(realId(op.path())) ? "real-id" : "hostile-id", op, target, body(op));
        }
    }

    private void queryParameters(Operation op) {
        for (String name : op.queryParameters()) {
            for (String value : List.of("DONE", "", "%ff", "1e400", "-1", "1".repeat(5000), "%00", "a%0d%0ab")) {
                add("query", op, real(op.path()) + "?" + name + "=" + value, body(op));
            }
        }
    }

    /** Malformed, truncated and mutated bodies; a mutation names the field it spoils. */
    private void bodies(Operation op) {
        String target = real(op.path());
        String valid = op.sampleBody().toString();
        add("malformed-body", op, target, "");
        add("malformed-body", op, target, "{");
        add("malformed-body", op, target, "{'a': 1}");
        add("malformed-body", op, target, "[1, 2]");
        add("malformed-body", op, target, "\"just a string\"");
        add("malformed-body", op, target, "null");
        add("malformed-body", op, target, valid + " trailing");
        add("malformed-body", op, target, "\u0000\u0001\u00ff garbage");
        for (int i = 0; i < 6; i++) {
            add("truncated-body", op, target, valid.substring(0, random.nextInt(Math.max(1, valid.length() - 1))));
        }
        Map<String, String> text = Map.of("Content-Type", "text/plain");
        probes.add(new Probe("wrong-content-type", op.method(), target, caller(op, text), bytes(valid), null));
        List<String> leaves = new ArrayList<>();
        leaves(op.sampleBody(), "", leaves);
        if (leaves.isEmpty()) leaves.add("");
        for (int i = 0; i < 10; i++) {
            String leaf = pick(leaves);
            String value = pick(List.of("\"a string\"", "{\"nested\": true}", "[1, 2, 3]", "false", "12345",
                    "\"2020-01-01\""));
            mutate("wrong-type", op, target, leaf, value);
        }
        for (String value : ODD_VALUES) mutate("extreme-number", op, target, pick(leaves), value);
        for (int i = 0; i < 3; i++) {
            mutate("huge", op, target, pick(leaves), "\"" + "x".repeat(1_000_000) + "\"");
            mutate("huge", op, target, pick(leaves), "[" + "1, ".repeat(100_000) + "1]");
        }
        mutate("huge", op, target, pick(leaves), "{\"" + "k".repeat(60_000) + "\": 1}");
        mutate("deep-nesting", op, target, pick(leaves), "[".repeat(50_000) + "]".repeat(50_000));
        mutate("deep-nesting", op, target, pick(leaves), "{\"a\": ".repeat(2_000) + "1" + "}".repeat(2_000));
        mutate("deep-nesting", op, target, pick(leaves), "[".repeat(150) + "]".repeat(150));
        for (int i = 0; i < 3; i++) {
            ObjectNode extra = op.sampleBody().isObject() ? op.sampleBody().deepCopy() : JSON.createObjectNode();
            extra.put("unexpected" + i, 1);
            add("unknown-field", op, target, extra.toString(), "unexpected" + i);
        }
    }

    /** The sample body with the leaf at {@code pointer} replaced by the raw JSON text {@code value}. */
    private void mutate(String category, Operation op, String target, String pointer, String value) {
        JsonNode copy = op.sampleBody().deepCopy();
        String text;
        if (pointer.isEmpty()) {
            text = value;
        } else {
            int cut = pointer.lastIndexOf('/');
            JsonNode parent = copy.at(pointer.substring(0, cut));
            String last = pointer.substring(cut + 1);
            if (parent instanceof ObjectNode o) o.put(last, HOLE);
            else if (parent instanceof ArrayNode a) a.set(Integer.parseInt(last), JsonNodeFactory.instance.textNode(HOLE));
            text = copy.toString().replace("\"" + HOLE + "\"", value);
        }
        add(category, op, target, text, pointer.isEmpty() ? null : fieldName(pointer));
    }

    /** /model/layers/0/units as model.layers[0].units. */
    static String fieldName(String pointer) {
        StringBuilder s = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.matches("\\d+")) s.append('[').append(part).append(']');
            else s.append(s.isEmpty() ? "" : ".").append(part);
        }
        return s.toString();
    }

    private static void leaves(JsonNode node, String pointer, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), pointer + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) leaves(node.get(i), pointer + "/" + i, out);
        } else if (!pointer.isEmpty()) {
            out.add(pointer);
        }
    }

    /** Addresses the firewall or Tomcat refuse: dot segments, semicolons, encoded slashes and bytes, 9 KB. */
    private void oddPaths(Operation op) {
        String path = real(op.path());
        String head = path.substring(0, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1));
        String rest = path.substring(head.length());
        List<String> targets = List.of(
                head + "/.." + path, path + "/..", head + "/%2e%2e" + rest, head + "/%2e" + rest, head + "/." + rest,
                path + ";x=1", head + ";jsessionid=1" + rest, head + "/" + rest, path + "//", "/" + path,
                path + "%0d%0aSet-Cookie:%20a=b", path + "%0a", head + "%2F" + rest.replaceFirst("^/", ""),
                path + "%2f..%2f..", path + "%00", path + "%ff", path + "%", path + "%zz", path + "%c0%af",
                head + "\\" + rest.replace('/', '\\'), path + "\\..\\x",
                path + "?q=" + "a".repeat(9 * 1024), path + "/" + "a".repeat(9 * 1024));
        for (String target : targets) add("odd-path", op, target, body(op));
    }

    /** TRACE, PROPFIND, a method of no operation, OPTIONS, a made-up one: at every path. */
    private void oddMethods() {
        Map<String, List<String>> byPath = new LinkedHashMap<>();
        for (Operation op : operations) byPath.computeIfAbsent(op.path(), p -> new ArrayList<>()).add(op.method());
        for (Map.Entry<String, List<String>> path : byPath.entrySet()) {
            String target = real(path.getKey());
            Operation any = new Operation("GET", path.getKey(), List.of(), null);
            for (String method : List.of("TRACE", "PROPFIND", "OPTIONS", "MKCOL", "CONNECT")) {
                probes.add(new Probe("odd-method", method, target, caller(any, Map.of()), null, null));
            }
            for (String method : List.of("PUT", "PATCH", "DELETE", "POST", "GET")) {
                if (path.getValue().contains(method)) continue;
                probes.add(new Probe("odd-method", method, target,
                        caller(any, Map.of("Content-Type", "application/json")), bytes("{}"), null));
            }
        }
    }

    /** Event streams asked for with text/event-stream: a real job, an unknown one, hostile ids. */
    private void eventStreams() {
        Operation events = new Operation("GET", "/api/jobs/{id}/events", List.of("after"), null);
        List<String> ids = new ArrayList<>(HOSTILE_IDS);
        ids.add(0, fixtures.jobId());
        for (String id : ids) {
            for (String query : List.of("", "?after=abc", "?after=" + "9".repeat(5000))) {
                Map<String, String> headers = new LinkedHashMap<>(Map.of("Accept", "text/event-stream"));
                if (random.nextBoolean()) headers.put("Last-Event-ID", pick(List.of("abc", "-5", "1e400", "%00")));
                probes.add(new Probe("event-stream", "GET", "/api/jobs/" + id + "/events" + query,
                        caller(events, headers), null, null));
            }
        }
    }

    /** Pages outside the API that do not exist, asked for by a browser: the error page. */
    private void pages() {
        Operation page = new Operation("GET", "/labs", List.of(), null);
        for (String target : List.of("/labs/no-such-lab", "/no-such-page", "/labs/%ff", "/labs;x=1", "/labs/..%2f..",
                "/labs/%00", "/labs\\x", "/labs/" + "a".repeat(9 * 1024), "/instructor/classes/abc", "/error")) {
            probes.add(new Probe("browser-page", "GET", target,
                    caller(page, Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")), null, null));
        }
    }

    /** The WebSocket endpoint asked for plain HTTP, with other methods, at odd addresses below it. */
    private void webSocketEndpoint() {
        Operation ws = new Operation("GET", "/ws", List.of(), null);
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "OPTIONS", "PROPFIND")) {
            for (String target : List.of("/ws", "/ws/", "/ws/info", "/ws;x=1", "/ws/%2e%2e/api/jobs", "/ws%2F")) {
                probes.add(new Probe("websocket", method, target, caller(ws, Map.of("Upgrade", pick(List.of(
                        "websocket", "h2c", "")))), null, null));
            }
        }
    }

    /** Headers with control characters, bytes past ASCII, no name, or past the size bound. */
    private void oddHeaders() {
        List<Map<String, String>> odd = List.of(Map.of("X-Odd", "a\u0001b"), Map.of("X-Odd", "caf\u00e9 \u00ff"),
                Map.of("X Odd", "space in the name"), Map.of("X-Odd", "x".repeat(9 * 1024)),
                Map.of("Cookie", "nnlab_student=" + "%00".repeat(100)), Map.of("Content-Length", "-1"),
                Map.of("Transfer-Encoding", "chunked, gzip"), Map.of("Authorization", "Bearer \u0000"),
                Map.of("Authorization", "Basic !!!"), Map.of("X-Nnlab-Client", "\u00ff".repeat(300)),
                Map.of("Accept", "*/*;q=abc"), Map.of("Accept", "text/event-stream;;;"),
                Map.of("Content-Type", "application/json; charset=nonsense"));
        for (Operation op : operations) {
            Map<String, String> headers = new LinkedHashMap<>(pick(odd));
            if (op.sampleBody() != null) headers.putIfAbsent("Content-Type", "application/json");
            probes.add(new Probe("odd-header", op.method(), real(op.path()), headers, bytes(body(op)), null));
        }
    }

    private void add(String category, Operation op, String target, String body) {
        add(category, op, target, body, null);
    }

    private void add(String category, Operation op, String target, String body, String field) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (body != null) headers.put("Content-Type", "application/json");
        probes.add(new Probe(category, op.method(), target, caller(op, headers), bytes(body), field));
    }

    /** Who sends it: the instructor for class and account operations, else anyone; an Accept of any kind. */
    private Map<String, String> caller(Operation op, Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        boolean instructorOnly = op.path().startsWith("/api/classes") || op.path().startsWith("/api/account");
        int who = instructorOnly ? (random.nextInt(10) == 0 ? 0 : 1) : random.nextInt(3);
        if (who == 0) h.put("X-Nnlab-Client", "hostile-" + clients++);
        if (who == 1) h.put("Authorization", "Bearer " + fixtures.instructorToken());
        if (who == 2) h.put("Authorization", "Bearer " + fixtures.studentToken());
        if (!h.containsKey("Accept")) {
            String accept = pick(List.of("", "application/json", "*/*", "text/html,application/xhtml+xml,*/*;q=0.8",
                    "text/event-stream", "application/xml", "image/png"));
            if (!accept.isEmpty()) h.put("Accept", accept);
        }
        return h;
    }

    private String body(Operation op) {
        return op.sampleBody() == null ? null : op.sampleBody().toString();
    }

    String real(String path) {
        // a lab's train block is its place among the lab's widgets: the first widget's
        return path.replace("{block}", "0").replaceAll("\\{[^}]+}", realId(path));
    }

    private String realId(String path) {
        if (path.startsWith("/api/classes")) return String.valueOf(fixtures.classId());
        if (path.startsWith("/api/tokens")) return String.valueOf(fixtures.tokenId());
        if (path.startsWith("/api/labs")) return fixtures.lab();
        return fixtures.jobId();
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
