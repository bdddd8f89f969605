package nnlab;

/** Opens {@link NnlabApplication}'s package-private start-up steps to tests in other packages. */
public final class NnlabApplicationAccess {

    private NnlabApplicationAccess() {
    }

    public static void configureJavacppCache(String[] args) {
        NnlabApplication.configureJavacppCache(args);
    }
}
