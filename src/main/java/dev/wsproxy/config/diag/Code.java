package dev.wsproxy.config.diag;

import static dev.wsproxy.config.diag.Severity.ERROR;
import static dev.wsproxy.config.diag.Severity.INFO;
import static dev.wsproxy.config.diag.Severity.WARNING;

/**
 * The stable diagnostic codes. A code is never renumbered or reused; each has a default severity and a
 * one-line title (the doc the meta-test asks for). Ranges: 1xx syntax and includes, 2xx directives and
 * values, 3xx whole-config meaning, 4xx TLS, 5xx WebSocket proxy.
 */
public enum Code {
    // 1xx: syntax and includes
    UNCLOSED_BLOCK("WSP101", ERROR, "a block is not closed before the end of the file"),
    EXTRA_CLOSE("WSP102", ERROR, "a '}' closes no open block"),
    BRACE_WITHOUT_NAME("WSP103", ERROR, "a '{' stands alone on a line without a block name"),
    UNTERMINATED_HEREDOC("WSP104", ERROR, "a <<<TAG heredoc is never terminated"),
    INCLUDE_CYCLE("WSP105", ERROR, "an include includes itself, directly or through other files"),
    INCLUDE_MISSING("WSP106", WARNING, "an include names a file or directory that does not exist"),
    LINE_TOO_LONG("WSP107", ERROR, "a line is 8192 bytes or longer; OLS stops reading the file there"),
    INCLUDE_BAD_VARIABLE("WSP108", ERROR, "an include path uses a variable other than $SERVER_ROOT"),
    FILE_UNREADABLE("WSP109", ERROR, "a config file cannot be read"),
    CONTINUATION_TOO_LONG("WSP110", ERROR, "a value joined with '\\' continuation lines is longer than 64 KiB"),
    UNREADABLE_TEXT("WSP111", ERROR, "text that cannot be read as a config line"),
    INCLUDE_TOO_DEEP("WSP112", ERROR, "includes are nested deeper than wsproxy follows"),

    // 2xx: directives and values
    UNKNOWN_DIRECTIVE("WSP201", WARNING, "a directive that OLS does not know"),
    UNKNOWN_BLOCK("WSP202", WARNING, "a block name that OLS does not know"),
    NOT_ALLOWED_HERE("WSP203", WARNING, "a directive that is valid, but not in this block"),
    MISSING_REQUIRED("WSP204", ERROR, "a required directive or value is missing"),
    BAD_NUMBER("WSP205", ERROR, "a value that must be a number is not one, or is out of range"),
    BAD_BOOL("WSP206", ERROR, "a value that must be 0 or 1 is neither"),
    BAD_ADDRESS("WSP207", ERROR, "an address that cannot be parsed"),
    BAD_PORT("WSP208", ERROR, "a port outside 1-65535"),
    DUPLICATE_DIRECTIVE("WSP209", WARNING, "a single-valued directive given twice; the first one wins, as in OLS"),
    BAD_VALUE("WSP210", ERROR, "a value that is not one of the values this directive takes"),
    PLACEHOLDER("WSP211", WARNING, "a value that looks like an unrendered installer placeholder"),
    BLOCK_EXPECTED("WSP212", ERROR, "a directive that must be a block is written as a plain line, or the reverse"),
    UNSUPPORTED_TYPE("WSP213", WARNING, "a context type wsproxy does not run (lsapi, fcgi, cgi, ...); its requests get 503"),
    NOT_SUPPORTED("WSP214", WARNING, "a directive wsproxy does not support is set so that OLS would behave differently"),
    NOT_SUPPORTED_EXPOSES("WSP215", ERROR, "a directive wsproxy does not support would make OLS refuse what wsproxy serves"),

    // 3xx: the meaning of the whole config
    MISSING_VHROOT("WSP301", ERROR, "a virtual host's vhRoot does not exist"),
    MISSING_CONFIG_FILE("WSP302", ERROR, "a virtual host's configFile does not exist"),
    MISSING_LOCATION("WSP303", ERROR, "a context's location does not exist"),
    UNKNOWN_VHOST("WSP304", ERROR, "a listener map or member names a virtual host that is not defined"),
    DUPLICATE_VHOST("WSP305", ERROR, "two virtual hosts have the same name"),
    BAD_REGEX("WSP306", ERROR, "an exp: regular expression does not compile"),
    UNKNOWN_HANDLER("WSP307", ERROR, "a proxy context names an extprocessor that is not defined"),
    DUPLICATE_CONTEXT("WSP308", WARNING, "two contexts have one route (/x and /x/ are one); the one OLS keeps wins"),
    DUPLICATE_WEBSOCKET("WSP309", WARNING, "two websocket blocks have one route (/x and /x/ are one); the one OLS keeps wins"),
    DUPLICATE_DOMAIN("WSP310", WARNING, "a domain is mapped twice on one listener; the first mapping wins"),
    MISSING_MIME("WSP311", ERROR, "the server mime file is missing or unreadable"),
    DIFFERS_FROM_OLS("WSP312", INFO, "this config behaves differently here than on OpenLiteSpeed 1.9.1"),
    WSPROXY_EXTENSION("WSP313", INFO, "a wsproxy-only key that OpenLiteSpeed ignores"),
    PROXY_WITHOUT_WEBSOCKET("WSP314", WARNING, "a proxied context has no websocket block, so WebSocket upgrades never reach its app"),
    TEMPLATE_WITHOUT_VHCONFIG("WSP315", ERROR, "a vhTemplate file has no virtualHostConfig block"),
    SECURE_WITHOUT_CERT("WSP316", ERROR, "a secure listener has no keyFile or certFile"),
    UNKNOWN_LISTENER("WSP317", ERROR, "a listeners key names a listener that is not defined"),
    MISSING_DOCROOT("WSP318", ERROR, "a virtual host's docRoot does not exist"),
    LISTENER_WITHOUT_MAP("WSP319", WARNING, "a listener maps no virtual host, so every request to it gets 404"),
    UDS_TRIPLE_SLASH("WSP320", WARNING, "uds:/// has one slash too many; OLS reads it as //path"),
    DUPLICATE_LISTENER("WSP321", ERROR, "two listeners have the same name or bind the same address"),
    BAD_TEMPLATE("WSP322", ERROR, "a vhTemplate's templateFile is missing or unreadable"),
    PHP_INI_DROPPED("WSP323", WARNING, "a phpIniOverride line other than php_value, php_flag, php_admin_value or php_admin_flag; OLS drops it"),
    UNKNOWN_VARIABLE("WSP324", WARNING, "a $VARIABLE that OLS never expands, such as a shell variable; it stays literal text"),
    BAD_MAP_DOMAIN("WSP325", WARNING, "a listener map domain that is no domain name, so no Host header ever matches it"),
    GLUED_PLACEHOLDER("WSP326", WARNING, "an installer placeholder glued to other text, such as lsphpDEFAULT_PHP"),
    REGEX_IN_PLAIN_URI("WSP327", WARNING, "a context URI with regex characters but no exp:, which OLS matches as a literal path"),
    SCRIPT_HANDLER_NOT_RUN("WSP330", ERROR, "a scriptHandler wsproxy does not run; its files get 503, never their source",
            OnServe.STARTS),
    UNKNOWN_REALM("WSP340", WARNING, "a context names a realm its virtual host does not define, so it denies every request"),
    MISSING_USER_DB("WSP341", WARNING, "a realm has no userDB location, or its user or group file does not exist"),
    PLAIN_TEXT_PASSWORD("WSP342", WARNING, "a realm's user file holds a password in plain text"),
    UNKNOWN_ACCOUNT("WSP350", ERROR, "user or group names an account this system does not have"),
    LISTENERS_CANNOT_SHARE_PORT("WSP351", ERROR, "two listeners' addresses overlap on one port and one has reusePort 0"),
    REWRITE_RULE_DROPPED("WSP360", ERROR, "a rewrite rule OLS cannot parse; OLS drops it and every later rule of its set",
            OnServe.STARTS),
    REWRITE_PCRE_ONLY("WSP361", ERROR, "a rewrite pattern uses PCRE syntax Java lacks; OLS runs the rule, wsproxy cannot"),
    REWRITE_REDIRECT_STATUS("WSP362", WARNING, "a rewrite [R=code] outside 300-399, which answers that status without a redirect"),
    REWRITE_BAD_PROXY("WSP363", WARNING, "a rewrite [P] target that names no proxy extprocessor or has no path; it gets 500"),
    REWRITE_UNREACHABLE("WSP364", WARNING, "rewrite rules after an unconditional last rule, which never run"),
    REWRITE_PROXY_PROTECTED("WSP365", INFO, "a vhost-level rewrite [P] reaches a protected context; OLS skips its protection, wsproxy applies it"),
    REWRITE_MAP_UNSUPPORTED("WSP366", WARNING, "a rewrite map of a type OLS does not support (prg:, dbm:, ...); OLS leaves it out"),

    // 4xx: TLS
    TLS_FILE_MISSING("WSP401", ERROR, "a keyFile, certFile or CACertFile does not exist or cannot be read"),
    TLS_FILE_INVALID("WSP402", ERROR, "a keyFile holds no usable private key, or a certFile or CACertFile no usable certificate"),
    TLS_KEY_MISMATCH("WSP403", ERROR, "the private key does not belong to the certificate"),
    TLS_CHAIN_ORDER("WSP404", WARNING, "the certificate chain is out of order: a certificate is not issued by the one after it"),
    TLS_CERT_EXPIRED("WSP405", WARNING, "a certificate has expired"),
    TLS_CERT_EXPIRING("WSP406", WARNING, "a certificate expires within 14 days"),
    TLS_NAME_MISMATCH("WSP407", WARNING, "a certificate's names cover none of the domains of the virtual host it is served for"),
    TLS_UNKNOWN_CIPHER("WSP408", WARNING, "a ciphers entry has no Java equivalent and is ignored"),
    TLS_ENCRYPTED_KEY("WSP409", ERROR, "the private key is encrypted; the server cannot ask for its pass phrase"),
    TLS_NO_CIPHER("WSP410", ERROR, "the ciphers list selects no cipher suite Java supports"),
    ;

    /** Whether {@code serve} refuses to start on an error of a code, or starts and answers safely. */
    public enum OnServe { REFUSES, STARTS }

    private final String id;
    private final Severity severity;
    private final String title;
    private final OnServe onServe;

    Code(String id, Severity severity, String title) {
        this(id, severity, title, OnServe.REFUSES);
    }

    Code(String id, Severity severity, String title, OnServe onServe) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.onServe = onServe;
    }

    /**
     * Whether {@code serve} starts despite an error of this code. A few errors are lint's way to say that a site
     * will not work as on OLS although the server answers it safely (a script gets 503, never its source), so
     * that a stock OLS config still starts.
     */
    public boolean servedSafely() {
        return onServe == OnServe.STARTS;
    }

    /** The stable id, e.g. {@code WSP201}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }
}
