package dev.wsproxy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each stored form OLS accepts, with values made by other tools (openssl passwd, the OpenBSD bcrypt test
 * vectors, OLS's own sample htpasswd): the right password passes, a wrong one and the stored value itself do not.
 */
class PasswordHashTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "APR1       | s3cret pw | $apr1$abcdefgh$73ncRmiuy6qoGYuF29HGL/",
            "SHA1       | s3cret pw | {SHA}r+PQ/OnaVl2XSPhlHUY75Onr1SQ=",
            "BCRYPT     | U*U       | $2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "BCRYPT     | U*U       | $2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "BCRYPT     | U*U       | $2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "CRYPT      | s3cret pw | $1$abcdefgh$Ezy/7289va/MMoQrtJIRM1",
            "CRYPT      | s3cret pw | $5$abcdefgh$pp0lvXHqsIYpxnPbRMNj2PZM/.Dmn9EDXLaxA9Vv3z.",
            "CRYPT      | s3cret pw | $6$abcdefgh$Q79od5S64H3HA7HmwZZM7W.valdH4oN4pIpIosa/h.m73WJc1tuhEJP0/CJLNyKJsvaNSuTjzB8NCG8AEGe6k0",
            "CRYPT      | test123   | kF2EDBE2Ux8sQ",
            "PLAIN_TEXT | s3cret pw | s3cret pw"})
    void acceptsTheRightPasswordOnly(PasswordHash.Form form, String password, String stored) {
        PasswordHash hash = PasswordHash.of(stored);
        assertEquals(form, hash.form());
        assertTrue(hash.matches(utf8(password)), "the right password");
        assertFalse(hash.matches(utf8(password + "x")), "a wrong password");
        assertFalse(hash.matches(utf8("")), "an empty password");
        if (form != PasswordHash.Form.PLAIN_TEXT) {
            assertFalse(hash.matches(utf8(stored)), "the stored hash itself is not a password (OLS accepts it)");
        }
        assertEquals(form.name(), hash.toString(), "never the stored value in text");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{SHA}not base64!", "$apr1$", "$2y$05$short", "$6$"})
    void aMalformedHashLetsNobodyIn(String stored) {
        assertFalse(PasswordHash.of(stored).matches(utf8("anything")));
        assertFalse(PasswordHash.of(stored).matches(utf8(stored)));
    }
}
