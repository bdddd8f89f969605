package nnlab.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A class just made over the API by a signed-in instructor, and a student who joined it with its code. */
public record NewClass(Visitor teacher, long id, String code, Visitor student) {

    /** Signs {@code instructor} in, makes a class called {@code name} and has {@code studentName} join it. */
    public static NewClass withStudent(int port, String instructor, String password, String name, String studentName) {
        Visitor teacher = new Visitor(port);
        teacher.login(instructor, password);
        JsonNode made = teacher.post("/api/classes", new ObjectMapper().createObjectNode().put("name", name).toString())
                .json();
        Visitor student = new Visitor(port);
        student.join(made.get("code").asText(), studentName);
        return new NewClass(teacher, made.get("id").asLong(), made.get("code").asText(), student);
    }

    /** The id of the class's first student, as its instructor's list gives it. */
    public long firstStudentId() {
        return teacher.get("/api/classes/" + id + "/students").json().get(0).get("id").asLong();
    }
}
