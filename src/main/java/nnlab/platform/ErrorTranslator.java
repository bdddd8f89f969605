package nnlab.platform;

import org.springframework.web.ErrorResponse;

/**
 * Gives the answer for an exception of a package that cannot know the platform (the engine's), so that the
 * platform's advice answers it without knowing the package either. Features declare one as a bean.
 */
public interface ErrorTranslator {

    /** The answer for this exception; null if it is not one this translator knows. */
    ErrorResponse translate(Throwable e);
}
