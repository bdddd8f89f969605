package nnlab.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Error answers in the two forms the server speaks: a problem (application/problem+json) for the API,
 * the WebSocket endpoint and every caller that does not ask for HTML; the error page (templates/error.html)
 * for browsers asking for a page outside the API.
 */
@Component
public class ErrorReplies {

    private final ObjectMapper json;
    private final ITemplateEngine templates;

    private final ObjectProvider<SiteAttributes> site;

    public ErrorReplies(ObjectMapper json, ITemplateEngine templates, ObjectProvider<SiteAttributes> site) {
        this.json = json;
        this.templates = templates;
        this.site = site;
    }

    /** True for a browser asking for a page (Accept names text/html) at an address outside /api and /ws. */
    public static boolean wantsPage(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String s ? s : request.getRequestURI();
        if (path == null) return false;
        path = path.replaceFirst("^/+", "/");
        if (path.startsWith("/api") || path.startsWith("/ws")) return false;
        String accept = request.getHeader("Accept");
        if (accept == null) return false;
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(t -> t.getType().equals("text") && t.getSubtype().equals("html"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** A problem with this status and detail; the title is the status's name. */
    public static ProblemDetail problem(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(known != null ? known : HttpStatus.BAD_REQUEST, detail);
        p.setStatus(status);
        if (known == null) p.setTitle("Error " + status);
        return p;
    }

    /** Plain words for a status, when nothing more is known about the error. */
    public static String detailFor(int status, String method) {
        return switch (status) {
            case 400 -> "the request could not be read: its address, headers or body are not valid";
            case 401 -> "sign in first";
            case 403 -> "you may not do this";
            case 404 -> "there is nothing at this address";
            case 405 -> "this address does not take " + method + " requests";
            case 406 -> "the answer cannot be given in any of the formats the request accepts";
            case 408 -> "the request took too long to arrive";
            case 413 -> "the request is too large";
            case 414 -> "the address is too long";
            case 415 -> "this address does not take a body of that content type";
            case 429 -> "too many requests: wait a little and try again";
            case 431 -> "the request's headers are too large";
            case 501 -> "this server does not support the " + method + " method";
            case 503 -> "the server is busy: try again shortly";
            default -> status >= 500 ? "an unexpected error on the server; it has been logged"
                    : "the request could not be completed";
        };
    }

    /** The error page, filled in, with the header of the request being answered (if there is one). */
    public String page(ProblemDetail problem) {
        return page(problem, RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null);
    }

    private String page(ProblemDetail problem, HttpServletRequest request) {
        Context model = new Context();
        model.setVariable("status", problem.getStatus());
        model.setVariable("title", problem.getTitle());
        model.setVariable("detail", problem.getDetail());
        if (request != null) {
            SiteAttributes attributes = site.getIfAvailable();
            if (request.getAttribute(SiteAttributes.VIEWER) == null && attributes != null) attributes.fill(request);
            for (String name : List.of(SiteAttributes.VIEWER, SiteAttributes.VERSION, SiteAttributes.CSRF)) {
                model.setVariable(name, request.getAttribute(name));
            }
        }
        return templates.process("error", model);
    }

    /** An error answer's content type and text. */
    public record Reply(String contentType, String body) {
    }

    /** The problem as the request prefers it: the error page or problem JSON. */
    public Reply reply(HttpServletRequest request, ProblemDetail problem) throws IOException {
        if (wantsPage(request)) return new Reply(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8", page(problem, request));
        return new Reply(MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsString(problem));
    }

    /** Writes the problem as the request prefers it, outside Spring MVC (in a filter). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Reply reply = reply(request, problem);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.getStatus());
        response.setContentType(reply.contentType());
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(body);
    }
}
