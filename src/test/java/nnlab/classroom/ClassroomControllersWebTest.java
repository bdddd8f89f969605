package nnlab.classroom;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import nnlab.identity.ApiTokens;
import nnlab.identity.InstructorPasswords;
import nnlab.identity.PasswordController;
import nnlab.identity.StudentRepository;
import nnlab.identity.TokenController;
import nnlab.jobs.JobService;
import nnlab.jobs.SubmissionRateLimiter;
import nnlab.support.WebLayerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The classroom's API (classes, tokens, the instructor's password) on the web layer alone: its mapping and
 * the problems (application/problem+json, naming the field) that bad requests and unknown ids get. Who may
 * call each endpoint is the integration tests' part.
 */
@WebLayerSlice({ClassController.class, TokenController.class, PasswordController.class})
class ClassroomControllersWebTest {

    static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClassService classes;

    @MockitoBean
    StudentRepository students;

    @MockitoBean
    ApiTokens tokens;

    @MockitoBean
    InstructorPasswords passwords;

    /** The web layer's resolver of job arguments asks it; no classroom endpoint does. */
    @MockitoBean
    JobService jobs;

    /** The web layer admits job submissions with it before their body is read. */
    @MockitoBean
    SubmissionRateLimiter submissionRate;

    private ResultActions problem(ResultActions answer, int status) throws Exception {
        return answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("java."))));
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void anUnknownClassIsA404Problem() throws Exception {
        when(classes.get(42)).thenThrow(new ClassNotFoundException(42));
        problem(mvc.perform(get("/api/classes/42")), 404).andExpect(jsonPath("$.detail").value("no class 42"));
        problem(mvc.perform(get("/api/classes/42/students")), 404);
        verify(students, never()).inClass(anyLong());
    }

    @Test
    void aClassIdThatIsNotANumberIsA400NamingIt() throws Exception {
        problem(mvc.perform(get("/api/classes/monday")), 400).andExpect(jsonPath("$.field").value("id"))
                .andExpect(jsonPath("$.detail", containsString("cannot read 'monday'")));
        problem(mvc.perform(post("/api/classes/monday/pause")), 400).andExpect(jsonPath("$.field").value("id"));
        verify(classes, never()).setSubmissionsPaused(anyLong(), any(Boolean.class));
    }

    @Test
    void aNewClassWithAnUnknownFieldIsA400NamingIt() throws Exception {
        problem(postJson("/api/classes", "{\"title\": \"Monday\"}"), 400)
                .andExpect(jsonPath("$.field").value("title"))
                .andExpect(jsonPath("$.detail", containsString("unknown field 'title'")))
                .andExpect(jsonPath("$.detail", containsString("name")));
        verify(classes, never()).create(any());
    }

    @Test
    void aNewClassThatIsNotJsonIsA400AboutTheBody() throws Exception {
        problem(postJson("/api/classes", "{\"name\": "), 400).andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.title").value("Malformed JSON"));
    }

    @Test
    void visibleLabsMustBeAList() throws Exception {
        problem(mvc.perform(put("/api/classes/7/labs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"labs\": 3}")), 400).andExpect(jsonPath("$.field").value("labs"));
        verify(classes, never()).setVisibleLabs(anyLong(), any());
    }

    @Test
    void aNewClassIsCreatedAt201WithItsLocationAndCode() throws Exception {
        when(classes.create("Monday")).thenReturn(
                new Classroom(7, "Monday", "ABCD-2345", true, false, null, Instant.parse("2026-01-05T09:00:00Z")));
        postJson("/api/classes", "{\"name\": \"Monday\"}").andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/classes/7"))
                .andExpect(jsonPath("$.code").value("ABCD-2345"))
                .andExpect(jsonPath("$.open").value(true));
    }

    @Test
    void revokingATokenTheCallerDoesNotHaveIsA404Problem() throws Exception {
        problem(mvc.perform(delete("/api/tokens/5")), 404).andExpect(jsonPath("$.detail").value("you have no token 5"));
        problem(mvc.perform(delete("/api/tokens/five")), 400).andExpect(jsonPath("$.field").value("id"));
    }

    @Test
    void aPasswordChangeWithAnUnknownFieldIsA400NamingIt() throws Exception {
        problem(postJson("/api/account/password", "{\"currentPassword\": \"a\", \"password\": \"b\"}"), 400)
                .andExpect(jsonPath("$.field").value("password"))
                .andExpect(jsonPath("$.detail", containsString("newPassword")));
        problem(postJson("/api/account/password", "{\"currentPassword\": 12}"), 400)
                .andExpect(jsonPath("$.field").value("currentPassword"));
        verify(passwords, never()).change(any(), any(), anyString(), any());
    }
}
