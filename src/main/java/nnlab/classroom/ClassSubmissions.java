package nnlab.classroom;

import nnlab.jobs.JobCaller;
import nnlab.jobs.SubmissionGuard;
import org.springframework.stereotype.Component;

/** Students of a class whose submissions are paused cannot submit jobs (instructors always can). */
@Component
public class ClassSubmissions implements SubmissionGuard {

    private final ClassRepository classes;

    public ClassSubmissions(ClassRepository classes) {
        this.classes = classes;
    }

    @Override
    public void check(JobCaller caller) {
        if (caller.classId() == null || caller.seesEveryJob()) return;
        classes.find(caller.classId()).filter(Classroom::submissionsPaused).ifPresent(c -> {
            throw new SubmissionsPausedException(c);
        });
    }
}
