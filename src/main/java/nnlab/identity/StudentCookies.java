package nnlab.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookie that remembers a student: {@code <student id>.<HMAC-SHA256 of it>}, HttpOnly, SameSite=Lax,
 * Secure over HTTPS (or as configured). It holds no secret of its own; it only proves that the server
 * issued it.
 */
@Component
public class StudentCookies {

    public static final String NAME = "nnlab_student";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final IdentityProperties settings;

    public StudentCookies(ServerSecret secret, IdentityProperties settings) {
        this.key = new SecretKeySpec(secret.key(), ALGORITHM);
        this.settings = settings;
    }

    public void issue(Student student, HttpServletRequest request, HttpServletResponse response) {
        String value = student.id() + "." + signature(student.id());
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(value, settings.studentCookieAge().toSeconds(), request));
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", 0, request));
    }

    /** The student id of a validly signed cookie on the request. */
    public OptionalLong read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return OptionalLong.empty();
        for (Cookie c : cookies) {
            if (NAME.equals(c.getName())) return verify(c.getValue());
        }
        return OptionalLong.empty();
    }

    OptionalLong verify(String value) {
        if (value == null) return OptionalLong.empty();
        int dot = value.indexOf('.');
        if (dot <= 0 || dot > 19) return OptionalLong.empty();
        long id;
        try {
            id = Long.parseLong(value.substring(0, dot));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        byte[] expected = signature(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private String signature(long studentId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] sig = mac.doFinal(("student:" + studentId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private String cookie(String value, long maxAgeSeconds, HttpServletRequest request) {
        boolean secure = switch (settings.secureCookies()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> request.isSecure();
        };
        return ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Lax").secure(secure)
                .maxAge(maxAgeSeconds).build().toString();
    }
}
