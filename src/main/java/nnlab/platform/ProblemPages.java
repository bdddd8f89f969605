package nnlab.platform;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes a problem as the error page when a browser asks for a page outside the API; the API's
 * problems stay JSON whatever the browser accepts.
 */
class ProblemPages extends AbstractHttpMessageConverter<ProblemDetail> {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final ErrorReplies replies;

    ProblemPages(ErrorReplies replies) {
        super(HTML);
        this.replies = replies;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return ProblemDetail.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Class<?> type, MediaType mediaType) {
        return super.canWrite(type, mediaType) && forPage();
    }

    @Override
    public List<MediaType> getSupportedMediaTypes(Class<?> type) {
        return forPage() ? super.getSupportedMediaTypes(type) : List.of();
    }

    private static boolean forPage() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                && ErrorReplies.wantsPage(a.getRequest());
    }

    @Override
    protected ProblemDetail readInternal(Class<? extends ProblemDetail> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("problems are not read", input);
    }

    @Override
    protected void writeInternal(ProblemDetail problem, HttpOutputMessage output) throws IOException {
        Writer out = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        out.write(replies.page(problem));
        out.flush();
    }
}
