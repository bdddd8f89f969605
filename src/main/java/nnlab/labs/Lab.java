package nnlab.labs;

import java.util.List;
import java.util.Optional;

/**
 * One lab, read from a Markdown file: front matter, the page's HTML, the widgets it holds (in page order)
 * and its questions (in page order), which the server checks answers against.
 */
public record Lab(String slug, String file, String title, int order, String summary, String html, List<String> widgets,
                  List<LabQuestion> questions) {

    public Optional<LabQuestion> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
