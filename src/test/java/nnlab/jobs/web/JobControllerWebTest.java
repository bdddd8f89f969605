package nnlab.jobs.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nnlab.jobs.JobNotFoundException;
import nnlab.jobs.JobPreviews;
import nnlab.jobs.JobService;
import nnlab.jobs.ReachableJob;
import nnlab.jobs.SubmissionRateLimiter;
import nnlab.support.WebLayerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The job API's mapping and its refusals of bad requests, on the web layer alone (no engine, no server,
 * no security filters: who may reach a job is the integration tests' part). Each refusal is a problem
 * (application/problem+json) that names the field at fault.
 */
@WebLayerSlice(JobController.class)
class JobControllerWebTest {

    static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JobService jobs;

    @MockitoBean
    SseStreams sse;

    @MockitoBean
    JobPreviews previews;

    /** The web layer admits job submissions with it before their body is read. */
    @MockitoBean
    SubmissionRateLimiter submissionRate;

    private ResultActions refused(ResultActions answer, int status, String field) throws Exception {
        return answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("java."))));
    }

    @Test
    void anUnknownJobIsA404Problem() throws Exception {
        when(jobs.reach(any(), eq("no-such-job"))).thenThrow(new JobNotFoundException("no-such-job"));
        for (String path : new String[] {"/api/jobs/no-such-job", "/api/jobs/no-such-job/metrics",
                "/api/jobs/no-such-job/model", "/api/jobs/no-such-job/points"}) {
            mvc.perform(get(path)).andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.status").value(404))
                    .andExpect(jsonPath("$.title").value("No such job"))
                    .andExpect(jsonPath("$.detail", containsString("no-such-job")));
        }
        mvc.perform(post("/api/jobs/no-such-job/pause")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void aSpecWithAnUnknownFieldIsA400NamingIt() throws Exception {
        refused(mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"dataset\": {\"name\": \"iris\"}, \"training\": {\"lr\": 0.1}}")), 400, "training.lr")
                .andExpect(jsonPath("$.detail", containsString("unknown field 'lr'")));
        verify(jobs, never()).submit(any(), any(), any());
    }

    @Test
    void aSpecWithAWrongTypeIsA400NamingTheField() throws Exception {
        refused(mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"dataset\": {\"name\": \"iris\"}, \"training\": {\"epochs\": \"ten\"}}")), 400,
                "training.epochs");
    }

    @Test
    void aBodyThatIsNotJsonIsA400ProblemAboutTheBody() throws Exception {
        refused(mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content("{\"dataset\": ")),
                400, "body").andExpect(jsonPath("$.title").value("Malformed JSON"));
    }

    @Test
    void aSpecSentAsTextIsA415Problem() throws Exception {
        mvc.perform(post("/api/jobs").contentType(MediaType.TEXT_PLAIN).content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(415));
    }

    @Test
    void anUnknownStatusFilterIsA400NamingTheParameterAndTheStatuses() throws Exception {
        refused(mvc.perform(get("/api/jobs").param("status", "DONE")), 400, "status")
                .andExpect(jsonPath("$.detail", containsString("cannot read 'DONE'")))
                .andExpect(jsonPath("$.detail", containsString("SUCCEEDED")));
    }

    @Test
    void aLearningRateChangeWithoutTheRateIsA400NamingIt() throws Exception {
        ReachableJob job = mock(ReachableJob.class);
        when(job.id()).thenReturn("j1");
        when(jobs.reach(any(), eq("j1"))).thenReturn(job);
        refused(mvc.perform(patch("/api/jobs/j1").contentType(MediaType.APPLICATION_JSON).content("{}")),
                400, "learningRate");
        refused(mvc.perform(patch("/api/jobs/j1").contentType(MediaType.APPLICATION_JSON)
                .content("{\"learningRate\": 0.1, \"momentum\": 0.9}")), 400, "momentum");
        verify(jobs, never()).learningRate(any(), any(Double.class));
    }
}
