package nnlab.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The caller's own API tokens (students and instructors; the security configuration keeps others out). */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "tokens", description = "personal API tokens: Authorization: Bearer <token> acts as their owner")
public class TokenController {

    private final ApiTokens tokens;

    public TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** @param name what the token is for, at most 100 characters */
    public record NewTokenRequest(String name) {
    }

    @PostMapping
    @Operation(summary = "make a token: 201 with the token itself, shown this once")
    @ApiResponse(responseCode = "201", description = "the new token, with the token itself (shown this once)")
    public ResponseEntity<ApiTokens.NewToken> create(@RequestBody(required = false) NewTokenRequest request,
                                                     @Parameter(hidden = true) @AuthenticationPrincipal Person who) {
        ApiTokens.NewToken t = tokens.create(who, request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/api/tokens/" + t.id())).body(t);
    }

    @GetMapping
    @Operation(summary = "the caller's tokens, revoked ones included, without the tokens themselves")
    public List<ApiToken> list(@Parameter(hidden = true) @AuthenticationPrincipal Person who) {
        return tokens.of(who);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "revoke one of the caller's tokens: it stops working at once")
    @ApiResponse(responseCode = "204", description = "revoked")
    public ResponseEntity<Void> revoke(@PathVariable long id, @Parameter(hidden = true) @AuthenticationPrincipal Person who) {
        if (!tokens.revoke(who, id)) throw new ResponseStatusException(HttpStatus.NOT_FOUND, "you have no token " + id);
        return ResponseEntity.noContent().build();
    }
}
