package nnlab.labs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The labs: those bundled inside the server (a copy of notebooks-content/ on the class path, read once) and
 * those in {@code nnlab.labs.dir} (default {@code notebooks-content}, if that folder exists): every {@code *.md}
 * file but README.md. A folder's file replaces the bundled file of the same name. The folder is read at
 * start-up, and again whenever a file is added, removed or changed: each request compares the files'
 * names, sizes and modification times with those last read (one directory listing), which survives editors
 * that replace files and needs no watcher thread. A file that cannot be read becomes a {@link LabProblem};
 * the others are served.
 */
@Service
public class LabCatalog {

    private static final Logger log = LoggerFactory.getLogger(LabCatalog.class);

    /** What was read, and the directory listing it was read from. */
    public record Snapshot(List<Lab> labs, List<LabProblem> problems, Map<String, String> stamps) {}

    /** Where the build puts its copy of notebooks-content/ (pom.xml). */
    static final String BUNDLED = "classpath*:bundled-labs/*.md";

    private final Path dir;
    private final LabParser parser = new LabParser();
    /** The bundled files by file name: a lab, or the problem that kept it out. */
    private final Map<String, Object> bundled;
    private volatile Snapshot snapshot = new Snapshot(List.of(), List.of(), Map.of());

    @Autowired
    public LabCatalog(LabsProperties properties) {
        this(properties.dir(), properties.bundled());
    }

    /** Only the labs in {@code dir}. */
    public LabCatalog(Path dir) {
        this(dir, false);
    }

    public LabCatalog(Path dir, boolean withBundled) {
        this.dir = dir;
        this.bundled = withBundled ? readBundled() : Map.of();
        snapshot = read(stamps());
    }

    public Path dir() {
        return dir;
    }

    /** The labs in {@code order} (then by file name), re-read if the directory changed. */
    public Snapshot current() {
        Map<String, String> stamps = stamps();
        Snapshot s = snapshot;
        if (s.stamps().equals(stamps)) return s;
        synchronized (this) {
            if (!snapshot.stamps().equals(stamps)) {
                snapshot = read(stamps);
            }
            return snapshot;
        }
    }

    public Optional<Lab> find(String slug) {
        return current().labs().stream().filter(l -> l.slug().equals(slug)).findFirst();
    }

    private Map<String, String> stamps() {
        Map<String, String> stamps = new TreeMap<>();
        if (!Files.isDirectory(dir)) return stamps;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(LabCatalog::isLab).toList()) {
                try {
                    stamps.put(f.getFileName().toString(), Files.getLastModifiedTime(f).toMillis() + ":" + Files.size(f));
                } catch (IOException e) {
                    stamps.put(f.getFileName().toString(), "unreadable");
                }
            }
        } catch (IOException e) {
            log.warn("cannot list lab directory {}: {}", dir, e.toString());
        }
        return stamps;
    }

    private static boolean isLab(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".md") && !name.equalsIgnoreCase("README.md") && Files.isRegularFile(f);
    }

    private Map<String, Object> readBundled() {
        Map<String, Object> files = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver(getClass().getClassLoader()).getResources(BUNDLED)) {
                String name = r.getFilename();
                if (name == null || name.equalsIgnoreCase("README.md") || files.containsKey(name)) continue;
                try (var in = r.getInputStream()) {
                    files.put(name, parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            log.warn("cannot read the bundled labs: {}", e.toString());
        }
        return files;
    }

    /** A lab, or the problem that keeps it out. */
    private Object parse(String name, String text) {
        try {
            return parser.parse(name, text);
        } catch (LabFormatException e) {
            return new LabProblem(name, e.line(), e.getMessage());
        } catch (RuntimeException e) {
            return new LabProblem(name, 0, "cannot read the file: " + e.getMessage());
        }
    }

    private Snapshot read(Map<String, String> stamps) {
        Map<String, Object> files = new TreeMap<>(bundled);
        int replacing = 0;
        for (String name : stamps.keySet()) {
            if (files.containsKey(name)) replacing++;
            try {
                files.put(name, parse(name, Files.readString(dir.resolve(name), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                files.put(name, new LabProblem(name, 0, "cannot read the file: " + e.getMessage()));
            }
        }
        List<Lab> labs = new ArrayList<>();
        List<LabProblem> problems = new ArrayList<>();
        for (Object f : files.values()) {
            if (f instanceof Lab lab) labs.add(lab);
            else problems.add((LabProblem) f);
        }
        labs.sort(Comparator.comparingInt(Lab::order).thenComparing(Lab::file));
        problems.forEach(p -> log.warn("lab not shown: {}", p));
        String folder = dir.toAbsolutePath().normalize().toString();
        String fromFolder = Files.isDirectory(dir)
                ? stamps.size() + " from the folder " + folder + " (" + replacing + " of them in place of bundled ones)"
                : "none from " + folder + " (no such folder; set NNLAB_LABS_DIR to add labs of your own)";
        log.info("read {} labs: {} bundled in the server, {}; {} with problems", labs.size(), bundled.size(),
                fromFolder, problems.size());
        return new Snapshot(List.copyOf(labs), List.copyOf(problems), Map.copyOf(stamps));
    }
}
