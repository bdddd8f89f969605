package nnlab.classroom;

/**
 * Something a class's instructor would want to see changed: a student answered, opened another page, came
 * online or went away. Published as a Spring application event; the class dashboard listens.
 */
public record ClassActivity(long classId) {
}
