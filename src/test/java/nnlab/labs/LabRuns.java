package nnlab.labs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nnlab.engine.EpochReport;
import nnlab.engine.Model;
import nnlab.engine.StopReason;
import nnlab.engine.Training;
import nnlab.engine.TrainingListener;
import nnlab.jobs.JobSpec;
import nnlab.jobs.JobSpecMapper;
import nnlab.jobs.LimitsProperties;
import nnlab.jobs.PreparedJob;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A lab's blocks run as the server runs them (the spec mapped with the default limits, then trained by the
 * engine), without a server: what a student's widget shows at the block's default seed.
 */
final class LabRuns {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JobSpecMapper MAPPER = new JobSpecMapper(
            new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("nnlab.limits", LimitsProperties.class));
    private static final Pattern BLOCK = Pattern.compile("^```widget:(\\w+)\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);

    /** One run: every epoch's report, the final weights, and the data it was trained on. */
    record Run(List<EpochReport> epochs, Model model, PreparedJob job, StopReason stop) {
        EpochReport last() {
            return epochs.get(epochs.size() - 1);
        }

        /** The epoch whose weights early stopping kept (the best monitored loss), else the last. */
        EpochReport kept() {
            var es = job.config().earlyStopping();
            if (es == null || !es.restoreBestWeights() || stop != StopReason.EARLY_STOPPED) return last();
            EpochReport best = null;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (EpochReport r : epochs) {
                double monitored = Double.isNaN(r.validation().loss()) ? r.train().loss() : r.validation().loss();
                if (monitored < bestLoss - es.minDelta()) {
                    bestLoss = monitored;
                    best = r;
                }
            }
            return best;
        }
    }

    private LabRuns() {
    }

    /** The blocks of one widget kind in a lab file, in order. */
    static List<JsonNode> blocks(String file, String widget) throws Exception {
        String text = Files.readString(Path.of("notebooks-content", file), StandardCharsets.UTF_8);
        List<JsonNode> found = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(widget)) found.add(JSON.readTree(m.group(2)));
        }
        return found;
    }

    /** The block of a kind with the given name. */
    static JsonNode block(String file, String widget, String name) throws Exception {
        return blocks(file, widget).stream().filter(b -> name.equals(b.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no " + widget + " block named " + name));
    }

    /**
     * A compare block's variant: its spec merged into the shared one as the widget merges it (a model of another
     * kind, a classic one beside a network, replaces the shared model whole).
     */
    static JsonNode variant(JsonNode compare, String name) {
        for (JsonNode v : compare.get("variants")) {
            if (!v.get("name").asText().equals(name)) continue;
            JsonNode shared = compare.get("spec");
            ObjectNode merged = (ObjectNode) merge(shared, v.path("spec"));
            JsonNode model = v.path("spec").path("model");
            if (model.isObject() && !kind(model).equals(kind(shared.path("model")))) merged.set("model", model.deepCopy());
            return merged;
        }
        throw new AssertionError("no variant " + name);
    }

    private static String kind(JsonNode model) {
        return model.path("kind").asText("network");
    }

    static JsonNode merge(JsonNode base, JsonNode over) {
        if (!base.isObject() || !over.isObject()) return over.deepCopy();
        ObjectNode out = base.deepCopy();
        over.fields().forEachRemaining(e -> out.set(e.getKey(),
                out.has(e.getKey()) ? merge(out.get(e.getKey()), e.getValue()) : e.getValue().deepCopy()));
        return out;
    }

    static Run train(JsonNode spec) throws Exception {
        PreparedJob job = MAPPER.prepare(JSON.treeToValue(spec, JobSpec.class));
        List<EpochReport> epochs = new ArrayList<>();
        try (Training t = Training.create(job.network(), job.config(), job.data().split(), job.seed(),
                MAPPER.engineLimits())) {
            StopReason stop = t.fit(new TrainingListener() {
                @Override
                public void onEpoch(EpochReport report) {
                    epochs.add(report);
                }
            });
            return new Run(epochs, t.snapshot(), job, stop);
        }
    }
}
