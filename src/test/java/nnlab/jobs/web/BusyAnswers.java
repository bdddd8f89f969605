package nnlab.jobs.web;

import org.springframework.context.ApplicationContext;

/** For tests of several instances: an instance that leaves the others' last-epoch questions unanswered. */
public final class BusyAnswers {

    private BusyAnswers() {
    }

    /** @param silent true: the instance answers no question of which epoch it last published */
    public static void silent(ApplicationContext instance, boolean silent) {
        instance.getBean(RelayedLive.class).answers = !silent;
    }
}
