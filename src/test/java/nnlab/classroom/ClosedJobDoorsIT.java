package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nnlab.support.ClosedDoorsServer;
import nnlab.support.JobEndpoints;
import nnlab.support.Visitor;
import nnlab.support.Specs;
import nnlab.NnlabApplication;
import nnlab.support.Api;
import org.junit.jupiter.api.Test;

/**
 * On a server with anonymous use switched off (the same application as {@link ClosedDoorsIT}: the same
 * properties), every endpoint of one job that the OpenAPI document lists, called as its owner, another
 * student of the same class, the instructor and nobody.
 */
class ClosedJobDoorsIT extends ClosedDoorsServer {

    @Test
    void everyEndpointOfAJobRefusesAnotherStudentAndNobodyAndLetsInItsOwnerAndTheInstructor() {
        Visitor head = new Visitor(port);
        assertThat(head.login("head", "a long enough password").header("Location")).endsWith("/instructor");
        String code = head.post("/api/classes", "{\"name\": \"doors\"}").json().get("code").asText();
        Visitor ann = new Visitor(port);
        Visitor ben = new Visitor(port);
        assertThat(ann.join(code, "Ann").status()).isEqualTo(302);
        assertThat(ben.join(code, "Ben").status()).isEqualTo(302);
        String job = ann.submit(Specs.spiral(2, null));
        ann.awaitSucceeded(job);

        List<JobEndpoints.Endpoint> walked = new JobEndpoints(port).walk(job, ann, ben, head, 401, "signed-in");
        System.out.printf("[job doors, anonymous API off] %d endpoints: %s%n", walked.size(),
                walked.stream().map(JobEndpoints.Endpoint::name).toList());
    }

    @Test
    void nobodyMayReadTheSpecDefaultsButNoJob() {
        Visitor nobody = new Visitor(port);
        Api.Response defaults = nobody.get("/api/spec/defaults");
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.json().get("defaults").get("training.learningRate").asDouble()).isEqualTo(0.01);
        assertThat(nobody.get("/api/jobs").status()).isEqualTo(401);
    }
}
