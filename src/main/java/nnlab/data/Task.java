package nnlab.data;

/** What a data set's target is: a class index, or a real number. */
public enum Task {
    CLASSIFICATION("classification"),
    REGRESSION("regression");

    private final String id;

    Task(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
