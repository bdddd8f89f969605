package nnlab.platform;

import jakarta.servlet.http.HttpServletRequest;

/** Who makes a request, for the pages' header; answered by identity, which knows people. */
public interface ViewerLookup {

    Viewer viewer(HttpServletRequest request);
}
