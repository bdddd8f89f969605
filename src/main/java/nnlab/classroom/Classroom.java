package nnlab.classroom;

import java.time.Instant;
import java.util.List;

/**
 * A class an instructor runs.
 *
 * @param code              what students type to join: upper case, without look-alike characters
 * @param open              students may join
 * @param submissionsPaused the class's students cannot submit jobs for now
 * @param visibleLabs       slugs of the labs the class's students see; null = every lab
 */
public record Classroom(long id, String name, String code, boolean open, boolean submissionsPaused,
                        List<String> visibleLabs, Instant createdAt) {

    public boolean showsLab(String slug) {
        return visibleLabs == null || visibleLabs.contains(slug);
    }
}
