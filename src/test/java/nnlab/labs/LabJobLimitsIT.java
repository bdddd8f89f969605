package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nnlab.support.Api;
import nnlab.support.DefaultLimitsServer;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;

/**
 * The lab widgets that start several jobs at once stay inside the default per-client limits
 * (max-active 4, max-queued 3, max-running 1, 60 submissions a minute): as many jobs as each widget keeps
 * going, read from the widget's own source, are all accepted for one student.
 */
class LabJobLimitsIT extends DefaultLimitsServer {

    static final Path WIDGETS = Path.of("frontend/labs/widgets");


    @Test
    void eachWidgetsJobsAtOnceAreAcceptedForOneStudent() throws Exception {
        Api api = new Api(port);
        // a train block's runs, long enough to be going all at once
        assertAllAccepted(api, "student:train", find("train.js", "export const MAX_ACTIVE = (\\d+);"), Specs.spiral(10_000, null));
        // a compare block's variants trained side by side (lab 10)
        assertAllAccepted(api, "student:compare", find("compare.js", "cfg\\.parallel \\|\\| (\\d+)"), Specs.spiral(10_000, null));
        // lab 8's grid: as many workers as its Promise.all starts
        String grid = Files.readString(WIDGETS.resolve("grid.js"), StandardCharsets.UTF_8);
        Matcher all = Pattern.compile("Promise\\.all\\(\\[(worker\\(\\)(, )?)+\\]\\)").matcher(grid);
        assertThat(all.find()).as("grid.js starts its workers with Promise.all").isTrue();
        assertAllAccepted(api, "student:grid", all.group().split("worker\\(\\)").length - 1, Specs.spiral(10_000, null));
        // the open playground frames of a page (lab 3), each a paused job
        assertAllAccepted(api, "student:frames", find("playground.js", "export const MAX_OPEN = (\\d+);"),
                Specs.spiral(100, "\"startPaused\": true"));
    }

    private static int find(String widget, String regex) throws Exception {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(WIDGETS.resolve(widget), StandardCharsets.UTF_8));
        assertThat(m.find()).as("%s in %s", regex, widget).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Submits n jobs as one client at once; all must be accepted and unfinished together. Then cancels them. */
    private static void assertAllAccepted(Api api, String client, int n, String spec) {
        assertThat(n).as(client).isGreaterThan(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Api.Response r = api.post("/api/jobs", spec, client);
            assertThat(r.status()).as("%s: job %d of %d: %s", client, i + 1, n, r.text()).isEqualTo(201);
            ids.add(r.json().get("id").asText());
        }
        for (String id : ids) {
            assertThat(api.job(id).get("status").asText()).as(client).isIn("QUEUED", "RUNNING", "PAUSED");
        }
        for (String id : ids) api.delete("/api/jobs/" + id);
    }
}
