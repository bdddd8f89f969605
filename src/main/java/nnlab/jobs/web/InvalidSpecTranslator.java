package nnlab.jobs.web;

import nnlab.engine.InvalidSpecException;
import nnlab.platform.ErrorTranslator;
import nnlab.platform.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

/** The engine's and the data sets' refusals of a spec, answered as any invalid input: 400 naming the field. */
@Component
public class InvalidSpecTranslator implements ErrorTranslator {

    @Override
    public ErrorResponse translate(Throwable e) {
        return e instanceof InvalidSpecException s ? new InvalidInputException(s.field(), s.reason()) : null;
    }
}
