package nnlab.platform;

import java.util.Comparator;
import java.util.Map;
import org.springframework.util.PathMatcher;

/**
 * Matches a broker subscription to a published destination only when both are the same string: no pattern
 * characters are special. Given to the simple broker so that a subscription such as {@code /topic/**}, should
 * one ever get past the inbound interceptors ({@link InboundStompInterceptor}), receives nothing.
 */
final class LiteralPathMatcher implements PathMatcher {

    @Override
    public boolean isPattern(String path) {
        return false;
    }

    @Override
    public boolean match(String pattern, String path) {
        return pattern.equals(path);
    }

    @Override
    public boolean matchStart(String pattern, String path) {
        return pattern.equals(path);
    }

    @Override
    public String extractPathWithinPattern(String pattern, String path) {
        return "";
    }

    @Override
    public Map<String, String> extractUriTemplateVariables(String pattern, String path) {
        return Map.of();
    }

    @Override
    public Comparator<String> getPatternComparator(String path) {
        return Comparator.naturalOrder();
    }

    /** Two literal destinations join as paths do: {@code /topic} and {@code jobs/1} make {@code /topic/jobs/1}. */
    @Override
    public String combine(String pattern1, String pattern2) {
        if (pattern1 == null || pattern1.isEmpty()) return pattern2 == null ? "" : pattern2;
        if (pattern2 == null || pattern2.isEmpty()) return pattern1;
        boolean slash1 = pattern1.endsWith("/");
        boolean slash2 = pattern2.startsWith("/");
        if (slash1 && slash2) return pattern1 + pattern2.substring(1);
        return slash1 || slash2 ? pattern1 + pattern2 : pattern1 + "/" + pattern2;
    }
}
