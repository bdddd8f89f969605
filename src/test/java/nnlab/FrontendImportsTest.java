package nnlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frontend's package rule: a feature folder (playground, labs, classroom, …) imports only frontend/shared/
 * and its own folder, never another feature; shared/ imports no feature. Read from the sources' import lines.
 */
class FrontendImportsTest {

    private static final Path FRONTEND = Path.of("frontend");
    private static final String SHARED = "shared";
    /** Static imports and re-exports ("... from '…'", "import '…'") and dynamic imports of a literal path. */
    private static final Pattern IMPORT = Pattern.compile(
            "(?:^\\s*(?:import|export)\\b[^'\"]*?\\bfrom\\s*|^\\s*import\\s*|\\bimport\\s*\\(\\s*)(['\"`])([^'\"`$]+)\\1");

    @Test
    void featuresImportOnlySharedAndTheirOwnFolder() {
        assertThat(violations(FRONTEND)).as("imports across feature folders").isEmpty();
    }

    @Test
    void theRuleNamesAnImportOfAnotherFeature(@TempDir Path root) throws IOException {
        write(root.resolve("labs/widgets/train.js"), """
                import { api } from '../../shared/jobs.js';
                import { el } from '../page.js';
                import { color } from '../../playground/render.js';
                """);
        write(root.resolve("playground/main.js"), "const m = await import('/classroom/dashboard.js');\n");
        write(root.resolve("shared/run.js"), "export { x } from '../labs/page.js';\n");
        write(root.resolve("classroom/dashboard.js"), "import '../shared/http.js';\nimport { a } from './own.js';\n");
        assertThat(violations(root)).containsExactlyInAnyOrder(
                "labs/widgets/train.js:3 imports '../../playground/render.js': labs may import only shared/ and labs/",
                "playground/main.js:1 imports '/classroom/dashboard.js': playground may import only shared/ and playground/",
                "shared/run.js:1 imports '../labs/page.js': shared may import only shared/ and shared/");
    }

    /** Every import of a file under root that leaves its feature for another feature, as "file:line imports '…': why". */
    static List<String> violations(Path root) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) continue; // page scripts at the top (xsrf.js) belong to no feature
                String feature = relative.getName(0).toString();
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = IMPORT.matcher(lines.get(i));
                    while (m.find()) {
                        String target = m.group(2);
                        String folder = folderOf(root, file, target);
                        if (folder != null && !folder.equals(SHARED) && !folder.equals(feature)) {
                            found.add(String.format("%s:%d imports '%s': %s may import only %s/ and %s/",
                                    relative.toString().replace('\\', '/'), i + 1, target, feature, SHARED, feature));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The top folder under root that an import of `target` from `file` reaches; null for a library (a bare name, a URL). */
    private static String folderOf(Path root, Path file, String target) {
        Path resolved;
        if (target.startsWith("/")) resolved = root.resolve(target.substring(1)).normalize();
        else if (target.startsWith(".")) resolved = file.getParent().resolve(target).normalize();
        else return null;
        Path relative = root.normalize().relativize(resolved);
        return relative.getNameCount() < 2 ? "" : relative.getName(0).toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
