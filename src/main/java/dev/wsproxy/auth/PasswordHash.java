package dev.wsproxy.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.Crypt;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.Md5Crypt;

/**
 * The password field of one user-file line, in the forms OLS accepts: {@code $apr1$}, {@code {SHA}}, bcrypt
 * ({@code $2y$}, {@code $2a$}, {@code $2b$}), crypt ({@code $1$}, {@code $5$}, {@code $6$}, 13-character DES) and
 * plain text. A stored hash is only ever compared as a hash: unlike OLS, sending the hash itself as the password
 * does not let anybody in.
 */
public final class PasswordHash {

    /** How a stored value is checked. */
    public enum Form { APR1, SHA1, BCRYPT, CRYPT, PLAIN_TEXT }

    private static final Pattern DES = Pattern.compile("[./0-9A-Za-z]{13}");
    private static final Pattern BCRYPT_PREFIX = Pattern.compile("\\$2[aby]\\$.*", Pattern.DOTALL);
    private static final BCrypt.Verifyer BCRYPT = BCrypt.verifyer(BCrypt.Version.VERSION_2A,
            LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

    private final String stored;
    private final Form form;

    private PasswordHash(String stored, Form form) {
        this.stored = stored;
        this.form = form;
    }

    public static PasswordHash of(String stored) {
        return new PasswordHash(stored, formOf(stored));
    }

    private static Form formOf(String stored) {
        if (stored.startsWith("$apr1$")) {
            return Form.APR1;
        }
        if (stored.regionMatches(true, 0, "{SHA}", 0, 5)) {
            return Form.SHA1;
        }
        if (BCRYPT_PREFIX.matcher(stored).matches()) {
            return Form.BCRYPT;
        }
        if (stored.startsWith("$1$") || stored.startsWith("$5$") || stored.startsWith("$6$")
                || DES.matcher(stored).matches()) {
            return Form.CRYPT;
        }
        return Form.PLAIN_TEXT;
    }

    public Form form() {
        return form;
    }

    /** Whether {@code password} (the UTF-8 bytes a client sent) is the one this value stands for; constant time. */
    public boolean matches(byte[] password) {
        try {
            return switch (form) {
                case APR1 -> same(Md5Crypt.apr1Crypt(password, stored), stored);
                case SHA1 -> MessageDigest.isEqual(DigestUtils.sha1(password), sha1Of(stored));
                case BCRYPT -> BCRYPT.verify(password, stored.getBytes(StandardCharsets.UTF_8)).verified;
                case CRYPT -> same(Crypt.crypt(password, stored), stored);
                case PLAIN_TEXT -> MessageDigest.isEqual(password, stored.getBytes(StandardCharsets.UTF_8));
            };
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] sha1Of(String stored) {
        return Base64.getDecoder().decode(stored.substring(5));
    }

    private static boolean same(String computed, String stored) {
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
    }

    /** The form only: a stored password or hash never appears in a log or a message. */
    @Override
    public String toString() {
        return form.name();
    }
}
