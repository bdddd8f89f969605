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
import org.springframework.stereotype.Service;

/**
 * The labs in {@code nnlab.labs.dir} (default {@code notebooks-content}): every {@code *.md} file but README.md.
 * Read at start-up, and again whenever a file is added, removed or changed: each request compares the files'
 * names, sizes and modification times with those last read (one directory listing), which survives editors
 * that replace files and needs no watcher thread. A file that cannot be read becomes a {@link LabProblem};
 * the others are served.
 */
@Service
public class LabCatalog {

    private static final Logger log = LoggerFactory.getLogger(LabCatalog.class);

    /** What was read, and the directory listing it was read from. */
    public record Snapshot(List<Lab> labs, List<LabProblem> problems, Map<String, String> stamps) {}

    private final Path dir;
    private final LabParser parser = new LabParser();
    private volatile Snapshot snapshot = new Snapshot(List.of(), List.of(), Map.of());

    @Autowired
    public LabCatalog(LabsProperties properties) {
        this(properties.dir());
    }

    public LabCatalog(Path dir) {
        this.dir = dir;
        current();
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

    private Snapshot read(Map<String, String> stamps) {
        List<Lab> labs = new ArrayList<>();
        List<LabProblem> problems = new ArrayList<>();
        for (String name : stamps.keySet()) {
            try {
                labs.add(parser.parse(name, Files.readString(dir.resolve(name), StandardCharsets.UTF_8)));
            } catch (LabFormatException e) {
                problems.add(new LabProblem(name, e.line(), e.getMessage()));
            } catch (IOException | RuntimeException e) {
                problems.add(new LabProblem(name, 0, "cannot read the file: " + e.getMessage()));
            }
        }
        labs.sort(Comparator.comparingInt(Lab::order).thenComparing(Lab::file));
        problems.forEach(p -> log.warn("lab not shown: {}", p));
        log.info("read {} labs from {} ({} with problems)", labs.size(), dir.toAbsolutePath(), problems.size());
        return new Snapshot(List.copyOf(labs), List.copyOf(problems), Map.copyOf(stamps));
    }
}
