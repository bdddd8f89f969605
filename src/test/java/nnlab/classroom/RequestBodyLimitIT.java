package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import org.junit.jupiter.api.Test;

/** Request bodies past nnlab.security.max-request-body (16 MB) are refused with a 413 problem, with or without a length. */
class RequestBodyLimitIT extends LiveServer {

    private static final int OVER = 17 * 1024 * 1024;

    @Test
    void anOversizedBodyIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] body = oversizedSpec();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest declared = HttpRequest.newBuilder(URI.create(api.base() + "/api/jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(api.base() + "/api/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        for (HttpRequest r : new HttpRequest[] {declared, chunked}) {
            HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = Api.JSON.readTree(answer.body());
            assertThat(problem.get("limit").asText()).isEqualTo("nnlab.security.max-request-body");
            assertThat(problem.get("limitValue").asLong()).isEqualTo(16L * 1024 * 1024);
        }
    }

    /** A points data set padded far past the bound: valid JSON up to where it is cut off. */
    private static byte[] oversizedSpec() {
        StringBuilder s = new StringBuilder(OVER + 100).append("{\"dataset\": {\"name\": \"points\", \"points\": [");
        while (s.length() < OVER) s.append("[0.5, 0.5, 1], ");
        return s.append("[0, 0, 0]]}}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
