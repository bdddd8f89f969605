package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nnlab.support.TightServer;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.identity.InstructorAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An instructor changes their password on /account and over the API: the current one must be right (wrong
 * ones count against the sign-in limit), the new one long enough and typed twice; it then signs in, the old
 * one does not, the instructor's other sessions are signed out, and the accounts from configuration do not
 * bring the old one back at the next start.
 */
class PasswordChangeIT extends TightServer {

    private static final String NEW_PASSWORD = "a much better passphrase";

    @Autowired
    InstructorAccounts accounts;

    @Test
    void onTheAccountPageThenItSurvivesTheSeedingAtStart() {
        Visitor keeper = instructor("keeper", FIRST_PASSWORD);
        Visitor elsewhere = instructor("keeper", FIRST_PASSWORD); // signed in on another computer
        Visitor colleague = instructor(HOST, FIRST_PASSWORD);
        assertThat(keeper.get("/account").text()).contains("id=\"password\"").contains("name=\"currentPassword\"")
                .contains("minlength=\"12\"");

        Api.Response wrong = change(keeper, "not it at all", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(error(wrong)).isEqualTo("The current password is wrong.");
        Api.Response tooShort = change(keeper, FIRST_PASSWORD, "short one", "short one");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(error(tooShort)).contains("The new password must be at least 12 characters")
                .contains("nnlab.security.min-password-length");
        Api.Response mistyped = change(keeper, FIRST_PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!");
        assertThat(error(mistyped)).isEqualTo("The repeated new password must be the same as the new password.");
        assertThat(new Visitor(port).login("keeper", NEW_PASSWORD).header("Location")).endsWith("/login?error");

        Api.Response done = change(keeper, FIRST_PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text()).contains("id=\"password-changed\"").doesNotContain("id=\"password-error\"");
        assertSignsInWithOnly("keeper", NEW_PASSWORD, FIRST_PASSWORD);
        // the browser that changed it stays signed in; the instructor's other sessions are ended, others' are not
        assertThat(keeper.get("/api/classes").status()).isEqualTo(200);
        Api.Response ended = elsewhere.get("/api/classes");
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.json().get("detail").asText()).contains("password was changed");
        assertThat(elsewhere.get("/instructor").header("Location")).endsWith("/login");
        assertThat(colleague.get("/api/classes").status()).isEqualTo(200);
        assertThat(keeper.get("/instructor").status()).isEqualTo(200);

        // what runs at every start, with the first password still configured: the changed one is kept
        accounts.run(null);
        assertSignsInWithOnly("keeper", NEW_PASSWORD, FIRST_PASSWORD);
    }

    @Test
    void overTheApiWithProblemsNamingTheField() {
        Visitor scripter = instructor("scripter", FIRST_PASSWORD);
        assertThat(field(scripter, FIRST_PASSWORD + "?", NEW_PASSWORD, NEW_PASSWORD)).isEqualTo("currentPassword");
        assertThat(field(scripter, FIRST_PASSWORD, "eleven char", "eleven char")).isEqualTo("newPassword");
        String tooLong = "ü".repeat(37); // 74 bytes: BCrypt would ignore the end
        assertThat(field(scripter, FIRST_PASSWORD, tooLong, tooLong)).isEqualTo("newPassword");
        assertThat(field(scripter, FIRST_PASSWORD, FIRST_PASSWORD, FIRST_PASSWORD)).isEqualTo("newPassword");
        assertThat(field(scripter, FIRST_PASSWORD, NEW_PASSWORD, null)).isEqualTo("repeatPassword");
        Api.Response unknownField = scripter.post("/api/account/password", "{\"password\": \"x\"}");
        assertThat(unknownField.status()).isEqualTo(400);

        // a script with the instructor's token may change it too, knowing the current password; that ends
        // every session of the instructor (none made the change), while the token stays valid
        String token = scripter.post("/api/tokens", "{\"name\": \"admin\"}").json().get("token").asText();
        Visitor script = new Visitor(port).bearer(token);
        Api.Response done = script.post("/api/account/password", body(FIRST_PASSWORD, NEW_PASSWORD, NEW_PASSWORD));
        assertThat(done.status()).isEqualTo(204);
        assertSignsInWithOnly("scripter", NEW_PASSWORD, FIRST_PASSWORD);
        assertThat(scripter.get("/api/classes").status()).isEqualTo(401);
        assertThat(script.get("/api/classes").status()).isEqualTo(200);
        scripter = instructor("scripter", NEW_PASSWORD);

        // what another site could make the instructor's browser send: the session cookie without the CSRF token
        String stolen = "chosen by someone else";
        Visitor forged = instructor("scripter", NEW_PASSWORD).withoutCsrfHeader();
        Api.Response refused = forged.post("/api/account/password", body(NEW_PASSWORD, stolen, stolen));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("CSRF token");
        assertThat(forged.post("/account/password?currentPassword=" + NEW_PASSWORD.replace(' ', '+')
                + "&newPassword=" + stolen.replace(' ', '+') + "&repeatPassword=" + stolen.replace(' ', '+'), "")
                .status()).isEqualTo(403);
        assertThat(new Visitor(port).login("scripter", NEW_PASSWORD).header("Location")).endsWith("/instructor");

        // students have no password here, anonymous callers are asked to sign in
        Visitor student = new Visitor(port);
        student.join(newClass(scripter, "passwords"), "Student");
        assertThat(student.post("/api/account/password", body("x", NEW_PASSWORD, NEW_PASSWORD)).status()).isEqualTo(403);
        // the account page names the student's class (answered by the classroom through identity's ClassNames)
        assertThat(student.get("/account").text()).doesNotContain("id=\"password\"")
                .contains("in <strong>passwords</strong>");
        assertThat(student.submitForm("/account", "/account/password", Map.of("currentPassword", "x")).status())
                .isEqualTo(403);
        Api.Response anonymous = new Api(port).post("/api/account/password", body("x", NEW_PASSWORD, NEW_PASSWORD));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedSignIns() {
        Visitor forgetful = instructor("forgetful", FIRST_PASSWORD);
        for (int i = 1; i <= 5; i++) {
            assertThat(field(forgetful, "guess " + i, NEW_PASSWORD, NEW_PASSWORD)).as("guess " + i)
                    .isEqualTo("currentPassword");
        }
        // the username's five failures are spent: not even the right password is checked now
        Api.Response locked = forgetful.post("/api/account/password", body(FIRST_PASSWORD, NEW_PASSWORD, NEW_PASSWORD));
        assertThat(locked.status()).isEqualTo(429);
        // five failures refill over ten minutes: the first comes back after about 120 s
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(60L, 600L);
        assertThat(locked.json().get("limit").asText()).isEqualTo("nnlab.security.login-failures-per-username");
        assertThat(locked.json().get("limitValue").asInt()).isEqualTo(5);
        Api.Response page = change(forgetful, FIRST_PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Retry-After")).isNotNull();
        assertThat(error(page)).startsWith("Too many wrong passwords: wait ");
        // and the sign-in form is locked for that username as well
        assertThat(new Visitor(port).login("forgetful", FIRST_PASSWORD).status()).isEqualTo(429);
    }

    private void assertSignsInWithOnly(String username, String password, String old) {
        assertThat(new Visitor(port).login(username, old).header("Location")).endsWith("/login?error");
        assertThat(new Visitor(port).login(username, password).header("Location")).endsWith("/instructor");
    }

    private static Api.Response change(Visitor v, String current, String next, String repeat) {
        return v.submitForm("/account", "/account/password",
                Map.of("currentPassword", current, "newPassword", next, "repeatPassword", repeat));
    }

    /** The page's error message, as text. */
    private static String error(Api.Response page) {
        var m = java.util.regex.Pattern.compile("id=\"password-error\"[^>]*>([^<]*)<").matcher(page.text());
        if (!m.find()) throw new AssertionError("no error on the page: " + page.status());
        return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
    }

    /** The field the JSON endpoint's 400 names. */
    private static String field(Visitor v, String current, String next, String repeat) {
        Api.Response r = v.post("/api/account/password", body(current, next, repeat));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        JsonNode problem = r.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/invalid-input");
        return problem.get("field").asText();
    }

    private static String body(String current, String next, String repeat) {
        var json = Api.JSON.createObjectNode().put("currentPassword", current).put("newPassword", next);
        if (repeat != null) json.put("repeatPassword", repeat);
        return json.toString();
    }
}
