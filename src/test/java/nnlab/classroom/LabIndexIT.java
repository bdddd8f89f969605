package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import nnlab.support.TightServer;
import nnlab.support.Visitor;
import nnlab.support.Api;
import org.junit.jupiter.api.Test;

/** A lab file that does not parse is named on the index to instructors, who can mend it, and to no one else. */
class LabIndexIT extends TightServer {

    @Test
    void unreadableLabFilesAreShownToInstructorsOnly() {
        Visitor host = instructor(HOST, FIRST_PASSWORD);
        String forInstructor = host.get("/labs").text();
        assertThat(forInstructor).contains("Labs that could not be read").contains(BROKEN_LAB)
                .contains("/labs/01-gradient-descent");

        Visitor student = new Visitor(port);
        student.join(newClass(host, "index"), "Student");
        for (Api.Response index : new Api.Response[] {student.get("/labs"), new Api(port).get("/labs")}) {
            assertThat(index.status()).isEqualTo(200);
            assertThat(index.text()).contains("/labs/01-gradient-descent").contains("/labs/07-mnist")
                    .doesNotContain("could not be read").doesNotContain(BROKEN_LAB).doesNotContain("id=\"problems\"");
        }
    }
}
