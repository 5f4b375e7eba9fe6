package dev.wsproxy.config.schema;

/**
 * A kind of block in an OLS config: where a directive may appear. {@link #raw} says what OLS does with
 * unknown lines inside it (kept instead of dropped), so they are not reported as unknown.
 */
public enum Scope {
    SERVER("the server config (httpd_config.conf)", Raw.NONE),
    LISTENER("listener", Raw.NONE),
    VHOST_ENTRY("virtualhost", Raw.NONE),
    VHOST_CONFIG("a vhost config (virtualHostConfig)", Raw.NONE),
    TEMPLATE("a vhTemplate file (virtualHostTemplate)", Raw.NONE),
    VHTEMPLATE("vhTemplate", Raw.NONE),
    MEMBER("member", Raw.NONE),
    CONTEXT("context", Raw.PARAM),
    WEBSOCKET("websocket", Raw.NONE),
    EXTPROCESSOR("extprocessor", Raw.NONE),
    TUNING("tuning", Raw.NONE),
    FILE_ACCESS_CONTROL("fileAccessControl", Raw.NONE),
    PER_CLIENT_CONN_LIMIT("perClientConnLimit", Raw.NONE),
    CGI_RLIMIT("CGIRLimit", Raw.NONE),
    ACCESS_DENY_DIR("accessDenyDir", Raw.NONE),
    ACCESS_CONTROL("accessControl", Raw.NONE),
    EXPIRES("expires", Raw.NONE),
    INDEX("index", Raw.NONE),
    ERRORLOG("errorlog", Raw.NONE),
    ACCESSLOG("accesslog", Raw.NONE),
    ERROR_PAGE("errorPage", Raw.NONE),
    REWRITE("rewrite", Raw.RULES),
    REWRITE_MAP("rewrite map", Raw.NONE),
    VHSSL("vhssl", Raw.NONE),
    REALM("realm", Raw.NONE),
    USER_DB("userDB", Raw.NONE),
    GROUP_DB("groupDB", Raw.NONE),
    SCRIPT_HANDLER("scripthandler", Raw.NONE),
    APP_DEFAULTS("railsDefaults / wsgiDefaults / nodeDefaults", Raw.NONE),
    MODULE("module", Raw.PARAM),
    URL_FILTER("urlFilter", Raw.PARAM),
    BOT_WHITE_LIST("botWhiteList", Raw.TEXT),
    PHP_INI_OVERRIDE("phpIniOverride", Raw.TEXT),
    GENERAL("general", Raw.NONE),
    HOTLINK_CTRL("hotlinkCtrl", Raw.NONE),
    AWSTATS("awstats", Raw.NONE),
    SECURITY("security", Raw.TEXT),
    LSRECAPTCHA("lsrecaptcha", Raw.NONE),
    ACME("acme", Raw.NONE),
    HT_ACCESS("htAccess", Raw.NONE),
    ;

    /** What OLS does with a line it does not know inside a block of this kind. */
    public enum Raw {
        /** dropped with "Not support": wsproxy reports it */
        NONE,
        /** appended to the block's {@code param} (module, context, urlFilter) */
        PARAM,
        /** appended to the rewrite {@code rules}, in order */
        RULES,
        /** the whole body is free text */
        TEXT
    }

    private final String title;
    private final Raw raw;

    Scope(String title, Raw raw) {
        this.title = title;
        this.raw = raw;
    }

    /** How messages name this block, e.g. {@code tuning}. */
    public String title() {
        return title;
    }

    public Raw raw() {
        return raw;
    }

    /** Whether this is a vhost's own body: a {@code virtualhost} block, or the vhost config file it names. */
    public boolean isVhostBody() {
        return this == VHOST_ENTRY || this == VHOST_CONFIG;
    }

    /** Whether unknown lines inside this block are content OLS keeps rather than mistakes. */
    public boolean keepsUnknownLines() {
        return raw != Raw.NONE;
    }
}
