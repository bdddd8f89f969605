package nnlab.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import nnlab.classroom.ClassService;
import nnlab.classroom.Classroom;
import nnlab.classroom.progress.ProgressRepository;
import nnlab.identity.Person;
import nnlab.identity.Student;
import nnlab.labs.Lab;
import nnlab.labs.LabCatalog;
import nnlab.platform.ErrorReplies;
import nnlab.support.SignedInSessions;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The front door and the site's frame: the home page for a visitor, a student (with their progress) and an
 * instructor (with their classes); one header and footer on every page; the account page for a visitor; error
 * pages in the site's look for browsers and problems for API clients, negotiated on the same address.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:site-pages;DB_CLOSE_DELAY=-1",
        "nnlab.data-dir=target/site-pages-data",
        "nnlab.labs.dir=target/site-pages-no-such-folder"})
@AutoConfigureMockMvc
class SitePagesTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @Autowired
    MockMvc mvc;
    @Autowired
    ClassService classes;
    @Autowired
    ProgressRepository progress;
    @Autowired
    LabCatalog labs;
    @Autowired
    ErrorReplies replies;

    MockHttpServletResponse page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.accept(HTML)).andReturn().getResponse();
    }

    @Autowired
    SessionRepository<? extends Session> sessions;

    MockHttpServletRequestBuilder as(Person who, MockHttpServletRequestBuilder request) {
        return request.with(new SignedInSessions(sessions).as(who));
    }

    static void hasTheSiteFrame(String html, String where) {
        assertThat(html).as(where).contains("class=\"site-header\"", "<a class=\"site-name\" href=\"/\"",
                "href=\"/labs\">Labs</a>", "href=\"/playground\">Playground</a>",
                "rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\"", "class=\"site-footer\"",
                "href=\"/swagger-ui.html\">API docs</a>", "class=\"site-version\"");
        assertThat(html).as(where).containsOnlyOnce("class=\"site-header\"");
    }

    @Test
    void aVisitorsHomePageSaysWhatNnlabIsAndLeadsEverywhere() throws Exception {
        MockHttpServletResponse r = page(get("/"));
        assertThat(r.getStatus()).isEqualTo(200);
        String html = r.getContentAsString();
        hasTheSiteFrame(html, "/");
        assertThat(html).contains("nnlab is a teaching server", "href=\"/join\">Join a class</a>",
                "href=\"/login\">Sign in</a>", "/labs/01-gradient-descent", "/labs/07-mnist")
                .doesNotContain("lab-progress", "Your classes", "Sign out");
    }

    @Test
    void theLabsShipInsideTheServer() {
        // this context's labs folder does not exist: every lab comes from the class path
        assertThat(labs.current().labs()).extracting(Lab::slug).contains("01-gradient-descent", "04-xor", "10-regularisation");
        assertThat(labs.current().labs()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void aStudentSeesTheirNameAndTheirProgressPerLab() throws Exception {
        Classroom c = classes.create("DL Monday");
        Student s = classes.join(c.code(), "Ada Home");
        Lab xor = labs.find("04-xor").orElseThrow();
        assertThat(xor.questions()).isNotEmpty();
        progress.onPage(s.id(), "04-xor", true, Instant.now());
        progress.insertAnswer(c.id(), new ProgressRepository.Answer(s.id(), "04-xor", xor.questions().get(0).id(),
                "1", true, Instant.now()));

        String html = page(as(s.person(), get("/"))).getContentAsString();
        hasTheSiteFrame(html, "/ as a student");
        assertThat(html).contains("class=\"site-person\">Ada Home</span>", "href=\"/account\">Account</a>",
                "Sign out</button>", "name=\"_csrf\"")
                .doesNotContain("href=\"/login\">Sign in</a>");
        String xorEntry = html.substring(html.indexOf("data-slug=\"04-xor\""));
        xorEntry = xorEntry.substring(0, xorEntry.indexOf("</li>"));
        assertThat(xorEntry).contains("visited").contains("opened · 1 of " + xor.questions().size() + " questions right");
        String firstEntry = html.substring(html.indexOf("data-slug=\"01-gradient-descent\""));
        assertThat(firstEntry.substring(0, firstEntry.indexOf("</li>"))).contains("not opened yet");
    }

    @Test
    void anInstructorSeesTheirClassesOnTheHomePage() throws Exception {
        Classroom c = classes.create("Thursday group B");
        String html = page(as(Person.instructor("teacher"), get("/"))).getContentAsString();
        hasTheSiteFrame(html, "/ as an instructor");
        assertThat(html).contains("Your classes", "Thursday group B", "/instructor/classes/" + c.id() + "/dashboard",
                "href=\"/instructor\">Classes</a>", "class=\"site-person\">teacher</span>");
    }

    @Test
    void everyPageHasTheOneHeaderAndFooter() throws Exception {
        for (String path : new String[] {"/", "/labs", "/labs/04-xor", "/join", "/login", "/account", "/no-such-page"}) {
            hasTheSiteFrame(page(get(path)).getContentAsString(), path);
        }
        Person teacher = Person.instructor("teacher");
        Classroom c = classes.create("Framed");
        for (String path : new String[] {"/account", "/instructor", "/instructor/classes/" + c.id(),
                "/instructor/classes/" + c.id() + "/dashboard"}) {
            MockHttpServletResponse r = page(as(teacher, get(path)));
            assertThat(r.getStatus()).as(path).isEqualTo(200);
            hasTheSiteFrame(r.getContentAsString(), path + " as an instructor");
        }
        // the static playground fetches the same fragment, compact
        String header = page(get("/site/header")).getContentAsString();
        assertThat(header).contains("class=\"site-header compact\"", "href=\"/labs\">Labs</a>");
        assertThat(page(get("/site/footer")).getContentAsString()).contains("API docs");
        assertThat(page(get("/favicon.svg")).getContentAsString()).startsWith("<svg");
    }

    @Test
    void aVisitorsAccountPageSaysWhatToDoInsteadOfSendingThemAway() throws Exception {
        MockHttpServletResponse r = page(get("/account"));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsString()).contains("No account in this browser yet", "href=\"/join\">join your class</a>",
                "href=\"/login\">sign in</a>");
    }

    @Test
    void aStudentOpeningADashboardGetsAnHtml403PageAndAnApiClientAProblem() throws Exception {
        Classroom c = classes.create("Closed to students");
        Student s = classes.join(c.code(), "Curious");
        String dashboard = "/instructor/classes/" + c.id() + "/dashboard";
        MockHttpServletResponse browser = mvc.perform(as(s.person(), get(dashboard)).accept(HTML)).andReturn().getResponse();
        assertThat(browser.getStatus()).isEqualTo(403);
        assertThat(browser.getContentType()).startsWith("text/html");
        assertThat(browser.getContentAsString()).contains("<h1><span>403</span>", "not open to you",
                "href=\"/\">Back to the home page</a>", "class=\"site-person\">Curious</span>");

        MockHttpServletResponse api = mvc.perform(as(s.person(), get("/api/classes/" + c.id())).accept(HTML))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(api.getContentType()).startsWith("application/problem+json");

        MockHttpServletResponse json = mvc.perform(as(s.person(), get(dashboard)).accept("application/json"))
                .andReturn().getResponse();
        assertThat(json.getStatus()).isEqualTo(403);
        assertThat(json.getContentType()).doesNotStartWith("text/html");
    }

    @Test
    void errorPagesSpeakPlainWordsAndLeadHome() throws Exception {
        MockHttpServletResponse missing = page(get("/no-such-page"));
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentAsString()).contains("There is no page at this address", "href=\"/\">Back to the home page</a>")
                .doesNotContain("static resource");
        MockHttpServletResponse problem = mvc.perform(get("/no-such-page").accept("application/json")).andReturn().getResponse();
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getContentType()).startsWith("application/problem+json");
        assertThat(problem.getContentAsString()).contains("there is nothing at this address").doesNotContain("static resource");
        assertThat(replies.page(ErrorReplies.problem(429, "too many"))).contains("<h1><span>429</span>",
                "Wait a little, then try again", "href=\"/\">Back to the home page</a>", "class=\"site-header\"");
        assertThat(replies.page(ErrorReplies.problem(500, "boom"))).contains("<h1><span>500</span>",
                "Something went wrong on the server", "href=\"/\">Back to the home page</a>");
    }

    @Test
    void theApiDocumentsEveryAnswerAndTheApiPageSendsTheCsrfToken() throws Exception {
        String text = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        var docs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        var paths = docs.get("paths");
        assertThat(paths.at("/~1api~1jobs/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1jobs/post/responses").has("200")).isFalse();
        assertThat(paths.at("/~1api~1jobs/post/responses/201/content/application~1json/schema").isMissingNode()).isFalse();
        assertThat(paths.at("/~1api~1jobs/post/responses/423/content/application~1problem+json").isMissingNode()).isFalse();
        assertThat(paths.at("/~1api~1jobs~1{id}/delete/responses").has("202")).isTrue();
        assertThat(paths.at("/~1api~1jobs~1{id}~1evaluation/get/responses").has("200")).isTrue();
        assertThat(paths.at("/~1api~1jobs~1{id}~1evaluation/get/responses/503/content/application~1problem+json")
                .isMissingNode()).isFalse();
        assertThat(paths.at("/~1api~1classes/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1tokens/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1tokens~1{id}/delete/responses").has("204")).isTrue();
        assertThat(paths.at("/~1api~1progress/post/responses").has("204")).isTrue();
        assertThat(paths.at("/~1api~1account~1password/post/responses").has("204")).isTrue();
        assertThat(paths.at("/~1api~1classes~1{id}~1export~1answers.csv/get/responses/200/content").has("text/csv")).isTrue();
        // every operation: its refusals as problems
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            var responses = op.getValue().get("responses");
            for (String status : new String[] {"400", "401", "403", "429", "500"}) {
                assertThat(responses.at("/" + status + "/content/application~1problem+json").isMissingNode())
                        .as(op.getKey() + " " + path.getKey() + " " + status).isFalse();
            }
            if (path.getKey().contains("{")) assertThat(responses.has("404")).as(path.getKey()).isTrue();
        }));
        assertThat(docs.at("/components/schemas/Problem/properties/detail").isMissingNode()).isFalse();

        String initializer = mvc.perform(get("/swagger-ui/swagger-initializer.js")).andReturn().getResponse()
                .getContentAsString();
        assertThat(initializer).contains("requestInterceptor", "XSRF-TOKEN=", "request.headers['X-XSRF-TOKEN']");
    }
}
