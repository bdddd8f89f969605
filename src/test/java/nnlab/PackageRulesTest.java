package nnlab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows between the top-level packages, read from the sources: each package may use only those of a
 * lower layer (engine, platform ← data ← jobs ← identity ← labs ← classroom), so there are no cycles. A use is
 * an import or a qualified name ({@code nnlab.jobs.JobService}) in code or in a javadoc link. A broken rule
 * is reported with its file, line and the offending text.
 */
class PackageRulesTest {

    private static final Path MAIN = Path.of("src/main/java");

    /** The layer of each top-level package; the application class (package nnlab) and pages sit on top. */
    private static final Map<String, Integer> LAYERS = Map.of(
            "engine", 0, "platform", 0,
            "data", 1,
            "jobs", 2,
            "identity", 3,
            "labs", 4,
            "classroom", 5,
            "playground", 6,
            "", 7);

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)");
    private static final Pattern QUALIFIED = Pattern.compile("\\bnnlab\\.([a-z]\\w*)\\.(?:[a-z]\\w*\\.)*[A-Z]");
    private static final Pattern LINK = Pattern.compile("(?:\\{@link(?:plain)?|@see)\\s+(nnlab\\.[\\w.]+)");

    @Test
    void packagesUseOnlyLowerLayers() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : sources()) {
            String from = topLevel(MAIN.relativize(file));
            Integer layer = LAYERS.get(from);
            if (layer == null) {
                broken.add(file + ": package nnlab." + from + " has no layer in " + LAYERS.keySet());
                continue;
            }
            for (Use use : uses(file)) {
                if (!use.name().startsWith("nnlab.")) continue;
                String to = use.name().substring("nnlab.".length()).split("\\.")[0];
                if (Character.isUpperCase(to.charAt(0))) to = ""; // a class of package nnlab itself
                if (to.equals(from)) continue;
                Integer target = LAYERS.get(to);
                boolean bothBase = layer == 0 && target != null && target == 0;
                if (target == null || target >= layer || bothBase) {
                    broken.add(file + ":" + use.line() + ": nnlab." + from + " may not use nnlab." + to + " ("
                            + use.text().strip() + ")");
                }
            }
        }
        assertTrue(broken.isEmpty(), () -> "package rules broken:\n" + String.join("\n", broken));
    }

    /** The engine is plain maths: no Spring, no files. */
    @Test
    void engineUsesNoSpringAndNoFiles() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : sources()) {
            if (!topLevel(MAIN.relativize(file)).equals("engine")) continue;
            for (Use use : uses(file)) {
                String n = use.name();
                if (n.startsWith("org.springframework.") || n.startsWith("java.io.") || n.startsWith("java.nio.file.")) {
                    broken.add(file + ":" + use.line() + ": the engine may not use " + n + " (" + use.text().strip() + ")");
                }
            }
        }
        assertTrue(broken.isEmpty(), () -> "engine rules broken:\n" + String.join("\n", broken));
    }

    // The frontend's rules (features import only frontend/shared) belong here, beside the Java ones.

    @Test
    void theRulesSeeTheSources() throws IOException {
        List<Path> files = sources();
        assertTrue(files.size() > 50, "expected the main sources under " + MAIN.toAbsolutePath());
        assertTrue(files.stream().anyMatch(f -> topLevel(MAIN.relativize(f)).equals("engine")));
    }

    private record Use(int line, String name, String text) {
    }

    /** Imports, qualified names in code, and qualified javadoc links, with their line numbers. */
    static List<Use> uses(Path file) throws IOException {
        List<Use> uses = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            String code = text;
            StringBuilder comment = new StringBuilder();
            if (inComment) {
                int end = code.indexOf("*/");
                comment.append(end < 0 ? code : code.substring(0, end));
                code = end < 0 ? "" : code.substring(end + 2);
                inComment = end < 0;
            }
            int open = code.indexOf("/*");
            if (open >= 0) {
                int end = code.indexOf("*/", open + 2);
                comment.append(end < 0 ? code.substring(open) : code.substring(open, end));
                code = code.substring(0, open) + (end < 0 ? "" : code.substring(end + 2));
                inComment = end < 0;
            }
            int slash = code.indexOf("//");
            if (slash >= 0) code = code.substring(0, slash);
            code = code.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
            if (code.trim().startsWith("package ")) continue;
            Matcher im = IMPORT.matcher(code);
            if (im.find()) {
                uses.add(new Use(i + 1, im.group(1), text));
                continue;
            }
            Matcher q = QUALIFIED.matcher(code);
            while (q.find()) uses.add(new Use(i + 1, q.group(), text));
            Matcher link = LINK.matcher(comment);
            while (link.find()) uses.add(new Use(i + 1, link.group(1), text));
        }
        return uses;
    }

    /** engine for nnlab/engine/Layer.java; "" for nnlab/NnlabApplication.java. */
    private static String topLevel(Path relative) {
        return relative.getNameCount() > 2 ? relative.getName(1).toString() : "";
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN.resolve("nnlab"))) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
