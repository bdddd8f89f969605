package nnlab.classroom;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No class has this id: 404. */
public class ClassNotFoundException extends ResponseStatusException {

    public ClassNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "no class " + id);
    }
}
