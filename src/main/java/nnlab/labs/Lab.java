package nnlab.labs;

import java.util.List;

/** One lab, read from a Markdown file: front matter, the page's HTML, and the widgets it holds (in page order). */
public record Lab(String slug, String file, String title, int order, String summary, String html, List<String> widgets) {}
