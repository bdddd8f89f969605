package nnlab.labs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Reads one lab file: front matter between {@code ---} lines ({@code title}, {@code order}, {@code summary}),
 * then Markdown. Maths between {@code $…$} or {@code $$…$$} is kept verbatim for KaTeX in the browser;
 * a fenced block whose info string is {@code widget:NAME} holds that widget's settings as JSON.
 * Raw HTML in the Markdown is escaped, never passed through.
 */
public final class LabParser {

    /** The widgets the browser knows (frontend/labs/widgets/NAME.js). */
    public static final Set<String> WIDGETS = Set.of("train", "playground", "plot", "question", "digits", "grid", "network",
            "boundary", "confusion", "compare", "summary", "classic", "backprop", "compgraph", "surface", "regions", "boundaries");

    private static final String WIDGET_PREFIX = "widget:";
    /**
     * A widget's setting naming the question (its id) that must be answered right before the widget's answer
     * part shows: a figure that would give the answer away (frontend/labs/page.js).
     */
    public static final String REVEAL_AFTER = "revealAfter";
    /** What the page gets of a question block: never its key ("answer", "tolerance") nor its explanation. */
    private static final Set<String> QUESTION_PUBLIC = Set.of("question", "choices", "placeholder");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*(\\S*).*$");
    private static final Pattern DISPLAY_MATH = Pattern.compile("\\$\\$(.+?)\\$\\$", Pattern.DOTALL);
    private static final Pattern INLINE_MATH = Pattern.compile("(?<![\\\\$])\\$([^$\\n]+?)\\$");
    private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern MATH_TOKEN = Pattern.compile("NNLABMATH(\\d+)X");

    private final ObjectMapper json = new ObjectMapper();
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private final Parser markdown = Parser.builder().extensions(EXTENSIONS).build();

    public Lab parse(String fileName, String text) throws LabFormatException {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new LabFormatException(1, "a lab starts with front matter: a line '---', then title, order and summary, then '---'");
        }
        Map<String, String> front = new LinkedHashMap<>();
        Map<String, Integer> frontLine = new LinkedHashMap<>();
        int i = 1;
        for (; i < lines.length && !lines[i].strip().equals("---"); i++) {
            String l = lines[i];
            if (l.isBlank() || l.strip().startsWith("#")) continue;
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new LabFormatException(i + 1, "front matter lines are 'key: value', found '" + l.strip() + "'");
            }
            String key = l.substring(0, colon).strip();
            if (!Set.of("title", "order", "summary").contains(key)) {
                throw new LabFormatException(i + 1, "unknown front matter key '" + key + "' (known: title, order, summary)");
            }
            front.put(key, unquote(l.substring(colon + 1).strip()));
            frontLine.put(key, i + 1);
        }
        if (i >= lines.length) {
            throw new LabFormatException(1, "front matter is not closed by a line '---'");
        }
        int bodyStart = i + 1; // 0-based index of the first body line
        for (String key : List.of("title", "order", "summary")) {
            if (front.get(key) == null || front.get(key).isEmpty()) {
                throw new LabFormatException(i + 1, "front matter lacks '" + key + "'");
            }
        }
        int order;
        try {
            order = Integer.parseInt(front.get("order"));
        } catch (NumberFormatException e) {
            throw new LabFormatException(frontLine.get("order"), "order must be a whole number, was '" + front.get("order") + "'");
        }

        // Split the body into prose and fenced blocks; check widget blocks; protect maths in prose from Markdown.
        List<String> maths = new ArrayList<>();
        List<String> widgets = new ArrayList<>();
        List<LabQuestion> questions = new ArrayList<>();
        Map<Integer, String> reveals = new LinkedHashMap<>(); // line -> the question a widget part waits for
        StringBuilder body = new StringBuilder();
        StringBuilder prose = new StringBuilder();
        for (int j = bodyStart; j < lines.length; j++) {
            Matcher open = FENCE.matcher(lines[j]);
            if (!open.matches()) {
                prose.append(lines[j]).append('\n');
                continue;
            }
            body.append(protectMaths(prose.toString(), maths));
            prose.setLength(0);
            String fence = open.group(1);
            String info = open.group(2);
            int start = j;
            StringBuilder content = new StringBuilder();
            j++;
            while (j < lines.length && !(lines[j].strip().startsWith(fence) && lines[j].strip().replace(fence.substring(0, 1), "").isEmpty())) {
                content.append(lines[j]).append('\n');
                j++;
            }
            if (j >= lines.length) {
                throw new LabFormatException(start + 1, "the block opened here is never closed with " + fence);
            }
            if (info.startsWith(WIDGET_PREFIX)) {
                String widget = info.substring(WIDGET_PREFIX.length());
                if (!WIDGETS.contains(widget)) {
                    throw new LabFormatException(start + 1, "unknown widget '" + widget + "' (known: " + String.join(", ", WIDGETS.stream().sorted().toList()) + ")");
                }
                JsonNode config = checkJson(content.toString(), start + 1);
                if (widget.equals("question")) questions.add(question(config, questions, start + 1));
                if (config.has(REVEAL_AFTER)) reveals.put(start + 1, config.get(REVEAL_AFTER).asText());
                widgets.add(widget);
            }
            body.append(lines[start]).append('\n').append(content).append(lines[j]).append('\n');
        }
        body.append(protectMaths(prose.toString(), maths));
        for (var reveal : reveals.entrySet()) {
            if (questions.stream().noneMatch(q -> q.id().equals(reveal.getValue()))) {
                throw new LabFormatException(reveal.getKey(), "\"" + REVEAL_AFTER + "\" names no question of this lab: '"
                        + reveal.getValue() + "' (its questions are " + questions.stream().map(LabQuestion::id).toList() + ")");
            }
        }

        Node document = markdown.parse(body.toString());
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .nodeRendererFactory(context -> new WidgetRenderer(context, questions))
                .build();
        String html = restoreMaths(renderer.render(document), maths);
        String slug = fileName.replaceFirst("\\.md$", "");
        if (!slug.matches("[A-Za-z0-9_-]+")) {
            throw new LabFormatException(0, "a lab's file name is letters, digits, '-' and '_' then .md (it becomes the address /labs/NAME)");
        }
        return new Lab(slug, fileName, front.get("title"), order, front.get("summary"), html, List.copyOf(widgets),
                List.copyOf(questions));
    }

    /**
     * A question block as the server checks it; its id is the block's {@code id}, or {@code qN} for the
     * N-th question of the lab, so that stored answers keep pointing at their question when the text is edited.
     */
    private static LabQuestion question(JsonNode q, List<LabQuestion> earlier, int line) throws LabFormatException {
        String id = "q" + (earlier.size() + 1);
        if (q.has("id")) {
            id = q.get("id").asText();
            if (!q.get("id").isTextual() || !QUESTION_ID.matcher(id).matches()) {
                throw new LabFormatException(line, "a question's id is 1 to 100 letters, digits, '-' and '_'");
            }
        }
        for (LabQuestion other : earlier) {
            if (other.id().equals(id)) {
                throw new LabFormatException(line, "two questions have the id '" + id + "' (questions without an id"
                        + " are q1, q2, … in page order)");
            }
        }
        if (!q.path("question").isTextual()) throw new LabFormatException(line, "a question needs \"question\" text");
        String text = q.get("question").asText();
        JsonNode answer = q.path("answer");
        if (q.has("choices")) {
            JsonNode choices = q.get("choices");
            List<String> texts = new ArrayList<>();
            choices.forEach(c -> texts.add(c.asText()));
            if (!choices.isArray() || texts.isEmpty() || !answer.isInt() || answer.asInt() < 0
                    || answer.asInt() >= texts.size()) {
                throw new LabFormatException(line, "a multiple-choice question needs \"choices\" (a list) and an"
                        + " \"answer\": the index of the right choice, from 0");
            }
            return new LabQuestion(id, text, List.copyOf(texts), answer.asInt(), 0, 0, explanation(q));
        }
        if (!answer.isNumber()) {
            throw new LabFormatException(line, "a question needs \"choices\" and an \"answer\" index, or a numeric"
                    + " \"answer\"");
        }
        double tolerance = q.path("tolerance").asDouble(0);
        return new LabQuestion(id, text, null, -1, answer.asDouble(), Math.abs(tolerance), explanation(q));
    }

    private static String explanation(JsonNode q) {
        return q.path("explanation").isTextual() ? q.get("explanation").asText() : null;
    }

    private JsonNode checkJson(String content, int fenceLine) throws LabFormatException {
        try {
            JsonNode node = json.readTree(content);
            if (node == null || !node.isObject()) {
                throw new LabFormatException(fenceLine, "a widget block holds one JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? fenceLine : fenceLine + Math.max(1, at.getLineNr());
            throw new LabFormatException(line, "widget JSON is malformed: " + e.getOriginalMessage());
        }
    }

    private static String protectMaths(String prose, List<String> maths) {
        prose = replace(DISPLAY_MATH, prose, m -> token(maths, "D" + m.group(1)));
        return replace(INLINE_MATH, prose, m -> token(maths, "I" + m.group(1)));
    }

    private static String token(List<String> maths, String tex) {
        maths.add(tex);
        return "NNLABMATH" + (maths.size() - 1) + "X";
    }

    private static String restoreMaths(String html, List<String> maths) {
        return replace(MATH_TOKEN, html, m -> {
            String tex = maths.get(Integer.parseInt(m.group(1)));
            boolean display = tex.charAt(0) == 'D';
            return "<span class=\"math\" data-display=\"" + display + "\">" + escape(tex.substring(1)) + "</span>";
        });
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /**
     * A question block as the page gets it: its text, choices and placeholder, and for a number whether the
     * answer is whole (so the page reads "1,234" as the server will); the key and the explanation stay here.
     */
    static String publicQuestion(String config, LabQuestion question) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode full = (ObjectNode) mapper.readTree(config);
            full.retain(QUESTION_PUBLIC);
            if (question.wholeNumber()) full.put("whole", true);
            return mapper.writeValueAsString(full);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a question block checked when the lab was read no longer parses", e);
        }
    }

    /**
     * Renders {@code widget:NAME} blocks as an empty element the browser fills in (a question's carries its
     * id in {@code data-question}); other code blocks as usual.
     */
    private static final class WidgetRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final List<LabQuestion> questions;
        private int count;
        private int questionCount;

        WidgetRenderer(HtmlNodeRendererContext context, List<LabQuestion> questions) {
            this.context = context;
            this.html = context.getWriter();
            this.questions = questions;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            FencedCodeBlock block = (FencedCodeBlock) node;
            String info = block.getInfo() == null ? "" : block.getInfo().strip().split("\\s+")[0];
            Map<String, String> attrs = new LinkedHashMap<>();
            if (info.startsWith(WIDGET_PREFIX)) {
                attrs.put("class", "lab-widget");
                attrs.put("data-widget", info.substring(WIDGET_PREFIX.length()));
                attrs.put("data-index", String.valueOf(count++));
                String config = block.getLiteral();
                if (info.equals(WIDGET_PREFIX + "question") && questionCount < questions.size()) {
                    LabQuestion question = questions.get(questionCount++);
                    attrs.put("data-question", question.id());
                    config = publicQuestion(config, question);
                }
                attrs.put("data-config", config);
                html.line();
                html.tag("div", attrs);
                html.tag("/div");
                html.line();
                return;
            }
            html.line();
            html.tag("pre");
            if (!info.isEmpty()) {
                attrs.put("class", "language-" + info);
            }
            html.tag("code", attrs);
            html.text(block.getLiteral());
            html.tag("/code");
            html.tag("/pre");
            html.line();
        }
    }
}
