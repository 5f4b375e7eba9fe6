package dev.wsproxy.config.rewrite;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code %{NAME}} in a rewrite rule or condition: a request header ({@code HTTP_USER_AGENT},
 * {@code HTTP:X-Real-IP}), an environment value ({@code ENV:name}) or one of OLS's built-in request variables.
 *
 * @param name the header name (with '-'), the env key, or the upper-case built-in name
 */
public record Variable(Kind kind, String name) {

    /** Where the value comes from. */
    public enum Kind { HEADER, ENV, BUILT_IN }

    /** The built-in names OLS 1.9.1 reads in rewrite rules; there is no {@code REQUEST_SCHEME}. */
    static final Set<String> BUILT_IN = Set.of("REMOTE_ADDR", "REMOTE_PORT", "REMOTE_HOST", "REMOTE_USER",
            "REMOTE_IDENT", "REQUEST_METHOD", "QUERY_STRING", "AUTH_TYPE", "PATH_INFO", "SCRIPT_FILENAME",
            "REQUEST_FILENAME", "REQUEST_URI", "DOCUMENT_ROOT", "SERVER_ADMIN", "SERVER_NAME", "SERVER_ADDR",
            "SERVER_PORT", "SERVER_PROTOCOL", "SERVER_SOFTWARE", "API_VERSION", "THE_REQUEST", "IS_SUBREQ", "TIME",
            "TIME_YEAR", "TIME_MON", "TIME_DAY", "TIME_HOUR", "TIME_MIN", "TIME_SEC", "TIME_WDAY", "SCRIPT_NAME",
            "CURRENT_URI", "REQUEST_BASENAME", "SCRIPT_UID", "SCRIPT_GID", "SCRIPT_USERNAME", "SCRIPT_GROUPNAME",
            "SCRIPT_MODE", "SCRIPT_BASENAME", "SCRIPT_URI", "ORG_REQ_URI", "ORG_QUERY_STRING", "HTTPS",
            "SSL_PROTOCOL", "SSL_SESSION_ID", "SSL_CIPHER", "SSL_CIPHER_USEKEYSIZE", "SSL_CIPHER_ALGKEYSIZE",
            "SSL_CLIENT_CERT", "VH_NAME", "VH_USER");

    /** The variable a {@code %{...}} body names, as OLS reads it; empty when OLS does not know it. */
    public static Optional<Variable> parse(String written) {
        String name = written;
        if (name.regionMatches(true, 0, "LA-U:", 0, 5) || name.regionMatches(true, 0, "LA-F:", 0, 5)) {
            name = name.substring(5);
        }
        if (name.length() < 3) {
            return Optional.empty();
        }
        if (name.regionMatches(true, 0, "HTTP_", 0, 5)) {
            return name.length() > 5 ? Optional.of(new Variable(Kind.HEADER, name.substring(5).replace('_', '-')))
                    : Optional.empty();
        }
        if (name.regionMatches(true, 0, "HTTP:", 0, 5)) {
            return name.length() > 5 ? Optional.of(new Variable(Kind.HEADER, name.substring(5))) : Optional.empty();
        }
        if (name.regionMatches(true, 0, "ENV:", 0, 4)) {
            return Optional.of(new Variable(Kind.ENV, name.substring(4)));
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return BUILT_IN.contains(upper) ? Optional.of(new Variable(Kind.BUILT_IN, upper)) : Optional.empty();
    }
}
