package nnlab.support;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the tests skipped for want of a browser ({@link HeadlessChromium}), including those of a class skipped
 * as a whole, and says so loudly at the end of the run. Registered in META-INF/services.
 */
public class BrowserSkips implements TestExecutionListener {

    private final AtomicLong skipped = new AtomicLong();
    private volatile TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) return;
        boolean noBrowser = result.getThrowable().map(Throwable::getMessage)
                .filter(m -> m.startsWith(HeadlessChromium.SKIP_REASON)).isPresent();
        if (!noBrowser) return;
        skipped.addAndGet(id.isTest() ? 1 : plan == null ? 1
                : Math.max(1, plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count()));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        long n = skipped.get();
        if (n == 0) return;
        System.err.printf("%n********************************************************************************%n"
                + "* %d BROWSER TEST%s SKIPPED: no Chromium and chromedriver were found.%n"
                + "* Install them (Debian: apt-get install chromium chromium-driver), or set CHROME_BIN and%n"
                + "* CHROMEDRIVER; -Dnnlab.browser=required (on in CI) fails instead of skipping.%n"
                + "********************************************************************************%n",
                n, n == 1 ? " WAS" : "S WERE");
    }
}
