package nnlab.platform;

/**
 * Who is looking at a page, as its header shows them.
 *
 * @param name       the name the header shows; null for a visitor who has neither joined nor signed in
 * @param instructor an instructor (the header links their classes)
 */
public record Viewer(String name, boolean instructor) {

    public static final Viewer VISITOR = new Viewer(null, false);

    public boolean signedIn() {
        return name != null;
    }
}
