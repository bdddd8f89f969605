package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nnlab.identity.Person;
import org.junit.jupiter.api.Test;

/** The rules of who is who: owner keys, who reaches whose jobs, display names and join codes. */
class ClassroomRulesTest {

    @Test
    void ownerKeysNameTheRoleAndTheId() {
        assertThat(Person.student(7, "Ann", 3).ownerKey()).isEqualTo("student:7");
        assertThat(Person.instructor("kim").ownerKey()).isEqualTo("instructor:kim");
        assertThat(Person.anonymous("10.0.0.5").ownerKey()).isEqualTo("anonymous:10.0.0.5");
        assertThat(Person.student(7, "Ann", 3).getName()).isEqualTo("student:7");
    }

    @Test
    void studentsReachTheirOwnAndAnonymousJobsInstructorsReachAll() {
        Person ann = Person.student(7, "Ann", 3);
        assertThat(ann.mayReach("student:7")).isTrue();
        assertThat(ann.mayReach("student:8")).isFalse();
        assertThat(ann.mayReach("instructor:kim")).isFalse();
        assertThat(ann.mayReach("anonymous:10.0.0.5")).isTrue();
        // jobs stored before owner keys existed carry the bare header or address
        assertThat(ann.mayReach("127.0.0.1")).isTrue();
        Person kim = Person.instructor("kim");
        assertThat(kim.mayReach("student:8")).isTrue();
        assertThat(kim.seesEveryJob()).isTrue();
        Person nobody = Person.anonymous("x");
        assertThat(nobody.mayReach("student:7")).isFalse();
        assertThat(nobody.authenticated()).isFalse();
    }

    @Test
    void displayNamesAreTrimmedAndBetweenOneAndFortyCharacters() {
        assertThat(ClassService.displayName("  Ann  ")).isEqualTo("Ann");
        assertThat(ClassService.displayName("<script>alert(1)</script>")).isEqualTo("<script>alert(1)</script>");
        // forty characters, counted as characters, not UTF-16 units
        assertThat(ClassService.displayName("\uD83D\uDE00".repeat(40))).hasSize(80);
        for (String bad : new String[] {"", "   ", "x".repeat(41), "tab\there", "bell\u0007", "rtl\u202Eevil"}) {
            assertThatThrownBy(() -> ClassService.displayName(bad)).as(bad).isInstanceOf(JoinRefusedException.class)
                    .extracting(e -> ((JoinRefusedException) e).status()).isEqualTo(400);
        }
    }

    @Test
    void joinCodesAreReadAsTypedWithoutLookAlikes() {
        assertThat(ClassService.normalCode(" kq7-x3m ")).isEqualTo("KQ7X3M");
        assertThat(ClassService.CODE_ALPHABET).doesNotContain("0", "O", "1", "I", "L", "5", "S", "8", "B");
    }
}
