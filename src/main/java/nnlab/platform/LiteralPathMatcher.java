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

    @Override
    public String combine(String pattern1, String pattern2) {
        throw new UnsupportedOperationException("literal destinations are not combined");
    }
}
