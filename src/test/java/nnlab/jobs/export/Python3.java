package nnlab.jobs.export;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Python 3 the exported scripts are checked with: the first of {@code python3} on the PATH and
 * {@code /usr/bin/python3} that has what a check needs (Debian's python3-torch lives beside Debian's python3, not
 * beside a python3 installed elsewhere). Without one a check is skipped with a loud notice, and fails in CI
 * (the environment variable CI set, as {@code .ci/run} sets it).
 */
final class Python3 {

    static final List<String> CANDIDATES = List.of("python3", "/usr/bin/python3");

    record Result(int exit, String output) {
    }

    private Python3() {
    }

    /** A python3 that imports these modules, or null. */
    static String with(String... modules) {
        String imports = modules.length == 0 ? "pass" : "import " + String.join(", ", modules);
        for (String candidate : CANDIDATES) {
            try {
                if (run(candidate, null, 60, "-c", imports).exit() == 0) return candidate;
            } catch (IOException e) {
                // not installed there
            }
        }
        return null;
    }

    /** A python3 that imports these modules; else the test is skipped loudly, or fails in CI. */
    static String require(String what, String... modules) {
        String python = with(modules);
        if (python != null) return python;
        String notice = "NO PYTHON 3 WITH " + (modules.length == 0 ? "py_compile" : String.join(", ", modules))
                + " (tried " + CANDIDATES + "): " + what + " is not checked. Debian: apt-get install"
                + " --no-install-recommends python3 python3-torch python3-sklearn";
        if (required()) fail(notice + " (CI is set, so this fails rather than skips)");
        System.err.printf("%n*** SKIPPED: %s ***%n%n", notice);
        Assumptions.abort(notice);
        return null;
    }

    static boolean required() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    static Result run(String python, Path dir, int timeoutSeconds, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(python));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("python", ".out");
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        if (dir != null) b.directory(dir.toFile());
        Process p = b.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
