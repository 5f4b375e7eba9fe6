package dev.wsproxy.config.schema;

import static dev.wsproxy.config.schema.Scope.*;

import dev.wsproxy.config.schema.Support.Exposure;
import dev.wsproxy.config.schema.Support.Status;
import dev.wsproxy.config.schema.Support.Trigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What wsproxy does with every directive of {@link DirectiveTable}, scope by scope: acted on, accepted with no
 * effect (OLS's result is the same), or not supported (OLS would behave differently), with OLS's default and a
 * note. Lint reports the not-supported ones a config sets (WSP214/WSP215); {@code docs/directives.md} is
 * generated from this class. When a directive gets implemented, its row moves to {@code actedOn}.
 */
public final class DirectiveSupport {

    private static final String NOTE = "A comment; OLS ignores it too.";
    private static final String HTACCESS_SETTINGS = "Which .htaccess directives OLS honours; OLS reads rewrite"
            + " rules only (see autoLoadHtaccess), and so does wsproxy.";
    private static final String NO_SCRIPTS = "Limits or settings of processes OLS starts; wsproxy starts none.";
    private static final String SCRIPT_503 = "wsproxy runs no scripts or app servers: a request for a script or such"
            + " a context gets 503, never the file.";
    private static final String AUTO_INDEX_URI = "OLS would run this script to list directories; wsproxy writes its"
            + " own listing.";
    private static final String IP_GEO = "OLS would look clients up in its GeoIP database for rewrite rules and"
            + " scripts; wsproxy does not.";
    private static final String MODULE_NOTE = "OLS would load this module (e.g. cache: answers from its page cache when"
            + " enableCache is on or the app sends X-LiteSpeed-Cache-Control); wsproxy loads no modules.";
    private static final String BROTLI = "Brotli: OLS also keeps brotli copies of static files (with"
            + " gzipAutoUpdateStatic) for clients that accept br; wsproxy sends those clients gzip.";
    private static final String COMPRESSION = "Compression as OLS does it: static files gzipped once and kept,"
            + " proxied responses on the fly (docs/compression.md).";
    private static final String THROTTLE = "OLS would throttle each client to this many requests per second or"
            + " bytes per second; wsproxy does not throttle.";
    private static final String HTTP3 = "HTTP/3 (QUIC): OLS also serves HTTP/3 on TLS listeners; wsproxy speaks"
            + " HTTP/1.1 and HTTP/2 only.";
    private static final String TLS_TUNING = "A TLS detail wsproxy handles on its own to the same effect"
            + " (renegotiation refused, 2048-bit DH).";
    private static final String RESUMPTION = "Session resumption, as OLS: on for a listener when both it and tuning"
            + " have it on (tuning's sslSessionCache and sslSessionTickets default to 1).";
    private static final String CLIENT_CERT = "OLS would ask clients for a certificate (and with 2 refuse those"
            + " without a valid one); wsproxy never asks, and serves every client.";
    private static final String STAPLING = "OLS would staple OCSP responses to its certificate; wsproxy does not.";

    private static final DirectiveSupport CURRENT = build();

    /** A directive's lower-cased name in one scope. */
    private record Key(Scope scope, String name) {
        static Key of(Scope scope, String name) {
            return new Key(scope, name.toLowerCase(Locale.ROOT));
        }
    }

    private final Map<Key, Support> statuses;

    private DirectiveSupport(Map<Key, Support> statuses) {
        this.statuses = statuses;
    }

    /** The support status of this wsproxy version. */
    public static DirectiveSupport current() {
        return CURRENT;
    }

    /** The status of {@code name} (any case) in {@code scope}. */
    public Optional<Support> find(Scope scope, String name) {
        return Optional.ofNullable(statuses.get(Key.of(scope, name)));
    }

    /** The lower-cased names that have a status in {@code scope}. */
    public List<String> names(Scope scope) {
        return statuses.keySet().stream().filter(k -> k.scope() == scope).map(Key::name).toList();
    }

    private static DirectiveSupport build() {
        Map<Key, Support> all = new LinkedHashMap<>();
        server(new Rows(all, SERVER));
        listener(new Rows(all, LISTENER));
        vhostEntry(new Rows(all, VHOST_ENTRY));
        vhostConfig(new Rows(all, VHOST_ENTRY));
        vhostConfig(new Rows(all, VHOST_CONFIG));
        vhostEntry(new Rows(all, TEMPLATE));
        new Rows(all, TEMPLATE).actedOn("virtualHostConfig")
                .noEffect("OLS reads templateFile only in a vhTemplate block.", "templateFile");
        new Rows(all, VHTEMPLATE).actedOn("templateFile", "listeners", "member").noEffect(NOTE, "note");
        new Rows(all, MEMBER).actedOn("name", "vhDomain", "vhAliases", "vhRoot").noEffect(NOTE, "note");
        context(new Rows(all, CONTEXT));
        new Rows(all, WEBSOCKET).actedOn("uri", "address")
                .actedOnAs("A wsproxy key (WSP313): a tunnel idle this many seconds is closed.", "idleTimeout")
                .noEffect(NOTE, "note");
        extProcessor(new Rows(all, EXTPROCESSOR));
        tuning(new Rows(all, TUNING));
        fileAccessControl(new Rows(all, FILE_ACCESS_CONTROL));
        perClientConnLimit(new Rows(all, PER_CLIENT_CONN_LIMIT));
        new Rows(all, CGI_RLIMIT).noEffect(NO_SCRIPTS, "maxCGIInstances", "minUID", "minGID", "priority",
                "CPUSoftLimit", "CPUHardLimit", "memSoftLimit", "memHardLimit", "procSoftLimit", "procHardLimit",
                "cgidSock");
        new Rows(all, ACCESS_DENY_DIR).notSupported("dir", "OLS would refuse (403) every file in this directory"
                + " (with `*`, below it), however it is reached; wsproxy does not check accessDenyDir. It serves only"
                + " below docRoot and context locations, but follows symlinks as followSymbolLink allows.");
        new Rows(all, ACCESS_CONTROL).actedOn("allow", "deny");
        new Rows(all, EXPIRES).actedOn("enableExpires", "expiresDefault", "expiresByType");
        new Rows(all, INDEX).actedOn("useServer", "indexFiles", "autoIndex").notSupported("autoIndexURI",
                AUTO_INDEX_URI, "/_autoindex/default.php");
        errorLog(new Rows(all, ERRORLOG));
        accessLog(new Rows(all, ACCESSLOG));
        new Rows(all, ERROR_PAGE).actedOn("url", "errCode").noEffect(NOTE, "note");
        new Rows(all, REWRITE).actedOn("enable", "autoLoadHtaccess", "inherit", "rules", "base", "map")
                .noEffect("OLS writes rewrite traces to its error log at this level; the rules act the same.",
                        "logLevel")
                .noEffect(NOTE, "note");
        new Rows(all, REWRITE_MAP).actedOn("location").noEffect(NOTE, "note");
        new Rows(all, VHSSL).partOf("enabled", "acme");
        new Rows(all, ACME).notSupported("enabled", "OLS would obtain and renew this vhost's certificate by ACME"
                + " (Let's Encrypt); wsproxy serves the certificate files as they are.", "0").partOf("enabled", "api", "env");
        new Rows(all, HT_ACCESS).noEffect(HTACCESS_SETTINGS, "allowOverride", "accessFileName");
        ssl(new Rows(all, VHSSL).unreported("OLS applies it to this vhost's TLS connections; wsproxy applies the"
                + " listener's to every vhost on it (ciphers: info WSP312).", "sslProtocol", "ciphers", "enableSpdy",
                "sslSessionCache", "sslSessionTickets"));
        new Rows(all, REALM).actedOn("type", "userDB", "groupDB").noEffect(NOTE, "note");
        userDb(new Rows(all, USER_DB));
        userDb(new Rows(all, GROUP_DB));
        new Rows(all, SCRIPT_HANDLER).actedOnAs(SCRIPT_503, "add");
        appDefaults(new Rows(all, APP_DEFAULTS));
        new Rows(all, MODULE).partOf("module", "ls_enabled", "internal", "param", "urlFilter").noEffect(NOTE, "note");
        new Rows(all, URL_FILTER).partOf("module", "ls_enabled", "param");
        new Rows(all, GENERAL).noEffect("OLS 1.9.1 does not read it either.", "enableContextAC");
        new Rows(all, HOTLINK_CTRL).exposing("enableHotlinkCtrl", "OLS would refuse (403) or redirect requests for"
                        + " the listed suffixes that come from other sites' pages; wsproxy serves them.", "0")
                .partOf("enableHotlinkCtrl", "allowDirectAccess", "onlySelf", "suffixes", "allowedHosts",
                        "matchedHosts", "redirectUri");
        new Rows(all, AWSTATS).notSupported("updateMode", "OLS would run AWStats over the access log and serve its"
                        + " reports at awstatsURI; wsproxy does neither.", "0")
                .partOf("updateMode", "updateInterval", "updateOffset", "workingDir", "awstatsURI", "siteDomain",
                        "siteAliases", "realm", "securedConn");
        new Rows(all, LSRECAPTCHA).notSupported("enabled", "OLS would make suspicious clients solve a reCAPTCHA"
                        + " first; wsproxy serves them.", "0")
                .partOf("enabled", "type", "maxTries", "regConnLimit", "sslConnLimit", "allowedRobotHits", "siteKey",
                        "secretKey", "botWhiteList");
        return new DirectiveSupport(all);
    }

    private static void server(Rows r) {
        r.actedOn("serverName", "mime", "gracefulRestartTimeout", "autoIndex", "indexFiles", "errorlog", "accesslog",
                        "expires", "tuning", "fileAccessControl", "accessControl", "extprocessor", "virtualhost",
                        "listener", "vhTemplate")
                .actedOnAs("wsproxy drops to this user and group after binding its ports, as OLS does.", "user", "group")
                .actedOnAs(SCRIPT_503, "scripthandler")
                .noEffect("Process priority and buffering; wsproxy runs as one JVM process.", "priority",
                        "inMemBufSize", "swappingDir", "httpdWorkers", "cpuAffinity", "enableCoreDump")
                .noEffect("CloudLinux LVE limits apply to the scripts OLS starts; wsproxy starts none.", "enableLVE")
                .noEffect("Settings of OLS's WebAdmin console, which wsproxy does not have.", "sessionTimeout",
                        "adminRoot")
                .noEffect(NO_SCRIPTS, "CGIRLimit", "railsDefaults", "wsgiDefaults", "nodeDefaults")
                .notSupported("adminEmails", "OLS would mail these addresses when the server crashes or restarts;"
                        + " wsproxy sends no mail.")
                .notSupported("autoIndexURI", AUTO_INDEX_URI, "/_autoindex/default.php")
                .exposing("suspendedVhosts", "OLS would refuse every request to these virtual hosts; wsproxy serves"
                        + " them.")
                .notSupported("enableh2c", "OLS would accept HTTP/2 over cleartext (h2c); wsproxy speaks only"
                        + " HTTP/1.1 on plain listeners.", "0")
                .notSupported("jsonReports", "OLS would also write its status reports as JSON; wsproxy writes no"
                        + " status reports.", "0")
                .notSupported("enableIpGeo", IP_GEO, "0")
                .notSupported("enableChroot", "OLS would run inside a chroot jail at chrootPath; wsproxy does not"
                        + " chroot.", "0")
                .partOf("enableChroot", "chrootPath")
                .notSupported("showVersionNumber", "OLS would send `Server: LiteSpeed/<version>`; wsproxy sends no"
                        + " Server header, as OLS does with 2 (with 0, the default, OLS sends `Server: LiteSpeed`).",
                        "0", "2")
                .notSupported("useIpInProxyHeader", "OLS would take the client's address from X-Forwarded-For (for"
                        + " access control and logs) as this value says; wsproxy always uses the connection's"
                        + " address, as OLS does with 0.", "2", "0")
                .differs("OLS writes real-time status reports (.rtreport) there; wsproxy writes none.", "statDir")
                .differs("OLS restarts itself after 30 seconds of 503s from its handlers; wsproxy does not.",
                        "autoFix503")
                .differs("OLS restarts its server process when it dies; run wsproxy under a supervisor (systemd).",
                        "autoRestart")
                .differs("OLS rolls its error log at start-up unless this is 1; wsproxy never rolls logs.",
                        "disableInitLogRotation")
                .differs("OLS runs its WebAdmin console (port 7080) unless this is 1; wsproxy has none.",
                        "disableWebAdmin")
                .unreported("Its keys are reported one by one.", "perClientConnLimit")
                .partOf("dir", "accessDenyDir")
                .exposing("security", "OLS reads accessDenyDir, fileAccessControl, perClientConnLimit, CGIRLimit"
                        + " and accessControl inside a security block as at the top level; wsproxy does not read its"
                        + " body. Move them to the top level.")
                .switched("module", "ls_enabled", "0", "1", MODULE_NOTE)
                .partOf("enabled", "lsrecaptcha")
                .actedOn("autoLoadHtaccess")
                .noEffect(HTACCESS_SETTINGS, "htAccess");
    }

    private static void listener(Rows r) {
        r.actedOn("address", "secure", "map", "sslProtocol", "ciphers", "enableSpdy")
                .actedOnAs("SO_REUSEPORT, default 1, as in OLS: `*:80` and `[ANY]:80` listeners can coexist, and a"
                        + " second wsproxy binds beside the first for a handover (SIGUSR2).",
                        "reusePort")
                .noEffect("Which OLS worker processes serve the listener; wsproxy is one process.", "binding")
                .noEffect(NOTE, "note")
                .notSupported("zconfSend", "OLS would send its configuration to a LiteSpeed Web ADC; wsproxy"
                        + " does not.")
                .partOf("zconfSend", "zconfPortList")
                .switched("module", "ls_enabled", "0", "1", MODULE_NOTE);
        ssl(r.actedOnAs(RESUMPTION, "sslSessionCache", "sslSessionTickets"));
    }

    private static void ssl(Rows r) {
        r.actedOn("keyFile", "certFile", "CACertFile")
                .actedOnAs("A flag saying that certFile holds the chain; wsproxy reads the chain either way.",
                        "certChain")
                .noEffect(TLS_TUNING, "renegProtection", "sslStrongDhKey")
                .notSupported("enableECDHE", "OLS would leave out ECDHE key exchange; wsproxy offers its TLS library's"
                        + " cipher suites, ECDHE included (choose them with ciphers).", "1")
                .notSupported("enableDHE", "OLS would offer DHE key exchange (with DHParam); wsproxy offers the"
                        + " default cipher suites (choose them with ciphers).", "0")
                .partOf("enableDHE", "DHParam")
                .exposing("clientVerify", CLIENT_CERT, "0")
                .partOf("clientVerify", "CACertPath", "verifyDepth", "crlPath", "crlFile")
                .notSupported("enableStapling", STAPLING, "0")
                .partOf("enableStapling", "ocspResponder", "ocspCACerts", "ocspRespMaxAge")
                .differs(HTTP3 + " OLS's default is 1.", "enableQuic");
    }

    private static void vhostEntry(Rows r) {
        r.actedOn("vhRoot", "configFile", "allowSymbolLink", "restrained", "name", "listeners")
                .actedOnAs(SCRIPT_503 + " With 0, OLS and wsproxy refuse (403) script requests.", "enableScript")
                .noEffect(NOTE, "note")
                .noEffect("Connection reuse tuning; the result for clients is the same.", "maxKeepAliveReq",
                        "smartKeepAlive")
                .noEffect("How OLS runs this vhost's scripts (suEXEC user, chroot); wsproxy runs none.", "user",
                        "group", "setUIDMode", "chrootMode", "chrootPath")
                .notSupported("staticReqPerSec", THROTTLE, "0")
                .notSupported("dynReqPerSec", THROTTLE, "0")
                .notSupported("outBandwidth", THROTTLE, "0")
                .notSupported("inBandwidth", THROTTLE, "0");
    }

    private static void vhostConfig(Rows r) {
        r.actedOn("docRoot", "vhDomain", "vhAliases", "accesslog", "index", "errorPage", "expires", "accessControl",
                        "realm", "extprocessor", "context", "vhssl", "websocket")
                .actedOnAs(SCRIPT_503, "scripthandler")
                .noEffect("OLS hands it to scripts as SERVER_ADMIN; wsproxy runs none.", "adminEmails")
                .noEffect("Settings for the scripts OLS starts; wsproxy starts none.", "cgroups", "phpIniOverride",
                        "bubbleWrap")
                .noEffect(HTACCESS_SETTINGS, "htAccess")
                .noEffect("Holds enableContextAC, which OLS 1.9.1 does not read.", "general")
                .notSupported("enableIpGeo", IP_GEO, "0")
                .actedOnAs(COMPRESSION + " 0 turns it off for this vhost.", "enableGzip")
                .differs(BROTLI + " This switch turns brotli off for one vhost.", "enableBr")
                .switched("errorlog", "useServer", "1", "1", "OLS would write this vhost's errors to its own file;"
                        + " wsproxy writes them to the server's error log.")
                .partOf("enableHotlinkCtrl", "hotlinkCtrl")
                .partOf("updateMode", "awstats")
                .partOf("enabled", "lsrecaptcha")
                .switched("module", "ls_enabled", "0", "1", MODULE_NOTE)
                .actedOn("rewrite");
    }

    private static void context(Rows r) {
        r.actedOn("uri", "location", "allowBrowse", "enableExpires", "expiresDefault", "expiresByType", "extraHeaders",
                        "indexFiles", "autoIndex", "statusCode", "externalRedirect", "handler", "accessControl",
                        "realm", "authName", "required")
                .actedOnAs("static (null), redirect and proxy are served; " + SCRIPT_503, "type")
                .noEffect(NOTE, "note")
                .noEffect("How OLS starts the app of an app-server context; wsproxy starts none (the context gets"
                        + " 503).", "binPath", "startupFile", "appType", "railsEnv", "appserverEnv", "maxConns", "env",
                        "cgroups", "phpIniOverride")
                .noEffect(HTACCESS_SETTINGS, "allowOverride")
                .exposing("authorizer", "OLS would ask this external authorizer (fcgiauth) before serving; wsproxy"
                        + " serves without asking.")
                .notSupported("enableIpGeo", IP_GEO, "0")
                .notSupported("addMIMEType", "OLS would serve these suffixes with these types here; wsproxy uses"
                        + " the server's mime file.")
                .notSupported("forceType", "OLS would serve every file here with this type; wsproxy uses the"
                        + " server's mime file.")
                .notSupported("defaultType", "OLS would use this type for files with unknown suffixes here; wsproxy"
                        + " uses the mime file's default.")
                .notSupported("addDefaultCharset", "OLS would add a charset to text/html responses; wsproxy sends"
                        + " the type as the mime file has it.", "off")
                .partOf("addDefaultCharset", "defaultCharsetCustomized")
                .partOf("module", "param")
                .notSupported("errorPage", "OLS would answer errors in this context with this page; wsproxy uses"
                        + " the vhost's error pages.")
                .actedOn("rewrite");
    }

    private static void extProcessor(Rows r) {
        r.actedOn("type", "name", "address")
                .actedOnAs("The backend connection pool of a proxy extprocessor, as OLS keeps it: at most maxConns"
                        + " connections (default 5; a request waits up to connTimeout for one, then 503), kept open"
                        + " between requests with persistConn 1 (the default), an idle one closed after"
                        + " pcKeepAliveTimeout seconds (default and -1: never).", "maxConns", "persistConn",
                        "pcKeepAliveTimeout")
                .noEffect(NOTE, "note")
                .noEffect("Start-up, retry and buffering of OLS's external apps; wsproxy connects within connTimeout"
                        + " and streams responses, with the same result for clients.", "initTimeout", "retryTimeout",
                        "respBuffer")
                .noEffect("How OLS starts a local app (lsapi, fcgi, ...); wsproxy starts none (its requests get"
                        + " 503).", "extUser", "extGroup", "umask", "path", "env", "autoStart", "backlog", "instances",
                        "runOnStartUp", "extMaxIdleTime", "priority", "memSoftLimit", "memHardLimit", "procSoftLimit",
                        "procHardLimit", "cpuSoftLimit", "cpuHardLimit");
    }

    private static void appDefaults(Rows r) {
        r.noEffect(NO_SCRIPTS, "binPath", "rubyBin", "railsEnv", "appserverEnv", "env", "maxConns", "initTimeout",
                "retryTimeout", "pcKeepAliveTimeout", "backlog", "runOnStartUp", "extMaxIdleTime", "priority",
                "memSoftLimit", "memHardLimit", "procSoftLimit", "procHardLimit", "cpuSoftLimit", "cpuHardLimit",
                "instances", "autoStart", "respBuffer");
    }

    private static void tuning(Rows r) {
        r.actedOn("maxConnections", "connTimeout", "keepAliveTimeout", "maxReqURLLen", "maxReqHeaderSize")
                .noEffect("Socket, cache, mmap and I/O tuning of OLS; wsproxy does its own, with the same result for"
                        + " clients.", "maxKeepAliveReq", "sndBufSize", "rcvBufSize", "maxCachedFileSize",
                        "totalInMemCacheSize", "maxMMapFileSize", "totalMMapCacheSize", "useSendfile", "fileETag",
                        "smartKeepAlive", "eventDispatcher", "sslCryptoDevice", "sslStrongDhKey")
                .differs("OLS caps TLS connections separately; wsproxy caps all connections with maxConnections.",
                        "maxSSLConnections")
                .notSupported("maxReqBodySize", "OLS would refuse (413) request bodies larger than this; wsproxy"
                        + " passes them on.", "2047M")
                .notSupported("maxDynRespHeaderSize", "OLS would refuse (500) app responses with larger headers;"
                        + " wsproxy passes them on.", "32768")
                .notSupported("maxDynRespSize", "OLS would cut app responses larger than this; wsproxy passes them"
                        + " on.", "2047M")
                .actedOnAs(COMPRESSION, "enableGzipCompress", "enableDynGzipCompress", "gzipCompressLevel",
                        "gzipStaticCompressLevel", "gzipMaxFileSize", "gzipMinFileSize", "gzipAutoUpdateStatic",
                        "compressibleTypes", "gzipCacheDir")
                .differs(BROTLI + " OLS's default is 4 (on).", "enableBrCompress")
                .partOf("enableBrCompress", "brStaticCompressLevel")
                .differs(HTTP3, "quicEnable")
                .partOf("quicEnable", "quicCfcw", "quicMaxCfcw", "quicSfcw", "quicMaxSfcw", "quicMaxStreams",
                        "quicHandshakeTimeout", "quicIdleTimeout", "quicBasePLPMTU", "quicMaxPLPMTU",
                        "quicPlpmtuTimeout", "quicCongestionCtrl", "quicEnableDPLPMTUD", "quicShmDir");
        r.actedOnAs(RESUMPTION + " The cache and the ticket keys are the process's own (OLS shares them between its"
                + " workers).", "sslSessionCache", "sslSessionCacheSize", "sslSessionCacheTimeout", "sslSessionTickets",
                "sslSessionTicketLifetime", "sslSessionTicketKeyFile");
    }

    private static void fileAccessControl(Rows r) {
        r.actedOn("followSymbolLink")
                .notSupported("checkSymbolLink", "OLS would apply followSymbolLink to every directory of a path,"
                        + " not only to the file; wsproxy checks the file.", "0")
                .exposing("forceStrictOwnership", "OLS would refuse (403) files not owned by the vhost's user;"
                        + " wsproxy serves them.", "0")
                .exposing("requiredPermissionMask", "OLS would refuse (403) files missing these permission bits"
                        + " (by default world-readable, 004); wsproxy serves any file it can read.", "004", "0")
                .exposing("restrictedPermissionMask", "OLS would refuse (403) static files with these permission"
                        + " bits (by default executable or setuid, 041111); wsproxy serves them.", "041111", "0")
                .exposing("restrictedDirPermissionMask", "OLS would refuse (403) files in directories with these"
                        + " permission bits; wsproxy serves them.", "0")
                .noEffect(NO_SCRIPTS, "restrictedScriptPermissionMask");
    }

    private static void perClientConnLimit(Rows r) {
        r.notSupported("staticReqPerSec", THROTTLE, "0")
                .notSupported("dynReqPerSec", THROTTLE, "0")
                .notSupported("outBandwidth", THROTTLE, "0")
                .notSupported("inBandwidth", THROTTLE, "0")
                .actedOnAs("Per client IP address, as OLS: a client that keeps this many connections past gracePeriod"
                        + " is banned for banPeriod (default: no limit).", "softLimit")
                .actedOnAs("A client that reaches this many connections is banned for banPeriod (default: no limit).",
                        "hardLimit")
                .actedOnAs("Seconds a client may stay at softLimit (default 10).", "gracePeriod")
                .actedOnAs("Seconds a banned client's connections are refused (default 60); its open ones are closed"
                        + " when the ban starts.", "banPeriod")
                .noEffect("OLS 1.9.1 does not read it either.", "blockBadReq");
    }

    private static void errorLog(Rows r) {
        r.actedOn("fileName", "logLevel", "enableStderrLog")
                .partOf("errorlog", "useServer")
                .notSupported("debugLevel", "OLS would write debug detail at this level; wsproxy's most detailed"
                        + " level is logLevel DEBUG.", "0")
                .actedOnAs("Checked once a second, as OLS does: above this size (default 10M) the log is renamed to"
                        + " `<log>.YYYY_MM_DD` and reopened.", "rollingSize")
                .actedOnAs("Rolled files older than this many days (default 30) are deleted when the log rolls.",
                        "keepDays")
                .actedOnAs("1: rolled files are gzipped.", "compressArchive");
    }

    private static void accessLog(Rows r) {
        r.actedOn("fileName", "logFormat")
                .actedOnAs("0: the vhost's own log; 1: the server's. OLS turns a vhost's access log off with 2,"
                        + " its default inside a vhost's accesslog block; wsproxy then writes it (2) or the server's"
                        + " (absent).", "useServer")
                .notSupported("pipedLogger", "OLS would pipe the access log into this program; wsproxy writes the"
                        + " file.")
                .notSupported("bytesLog", "OLS would write a bandwidth log to this file; wsproxy does not.")
                .notSupported("logHeaders", "OLS would log this set of headers (1 Referer, 2 User-Agent, 4 Host);"
                        + " wsproxy logs the combined format, or logFormat.", "3")
                .notSupported("logReferer", "OLS would leave the Referer out of the log; wsproxy logs it.", "1")
                .notSupported("logUserAgent", "OLS would leave the User-Agent out of the log; wsproxy logs it.", "1")
                .actedOnAs("Checked once a second, as OLS does: above this size (at least 1M; absent or 0: never)"
                        + " the log is renamed to `<log>.YYYY_MM_DD` and reopened.", "rollingSize")
                .actedOnAs("Rolled files older than this many days are deleted when the log rolls (absent or 0:"
                        + " kept).", "keepDays")
                .actedOnAs("1: rolled files are gzipped.", "compressArchive");
    }

    private static void userDb(Rows r) {
        r.actedOn("location")
                .actedOnAs("Seconds before a changed user or group file is read again (default 60, as in OLS).",
                        "expire")
                .noEffect("A cache of the user file; the result for clients is the same.", "maxCacheSize")
                .noEffect("OLS 1.9.1 does not read it either (it reads `expire`).", "cacheTimeout");
    }

    /** Adds support rows to one scope; every method returns {@code this} so a scope reads as one table. */
    private static final class Rows {
        private final Map<Key, Support> rows;
        private final Scope scope;

        Rows(Map<Key, Support> all, Scope scope) {
            this.rows = all;
            this.scope = scope;
        }

        Rows actedOn(String... names) {
            return actedOnAs("", names);
        }

        Rows actedOnAs(String note, String... names) {
            return put(new Support(Status.ACTED_ON, new Trigger.Never(), Exposure.NONE, note), names);
        }

        Rows noEffect(String note, String... names) {
            return put(new Support(Status.NO_EFFECT, new Trigger.Never(), Exposure.NONE, note), names);
        }

        /** Not supported, and different even when absent: documented, never reported. */
        Rows differs(String note, String... names) {
            return unreported(note + " Never reported: OLS's default differs already.", names);
        }

        /** Not supported; reported unless its value is one of {@code quiet} (OLS's default first). */
        Rows notSupported(String name, String note, String... quiet) {
            return put(new Support(Status.NOT_SUPPORTED, new Trigger.Value(List.of(quiet)), Exposure.NONE, note), name);
        }

        /** As {@link #notSupported}, but wsproxy would serve what OLS refuses. */
        Rows exposing(String name, String note, String... quiet) {
            return put(new Support(Status.NOT_SUPPORTED, new Trigger.Value(List.of(quiet)), Exposure.ALWAYS, note),
                    name);
        }

        /** A not-supported block that is reported when its switch is on. */
        Rows switched(String name, String key, String off, String byDefault, String note) {
            return put(new Support(Status.NOT_SUPPORTED, new Trigger.Switch(key, off, byDefault), Exposure.NONE,
                    note), name);
        }

        /** Not supported; reported, if at all, through {@code owner}. */
        Rows partOf(String owner, String... names) {
            return unreported("Reported with `" + owner + "`.", names);
        }

        /** Not supported, and never reported itself; {@code note} says why. */
        Rows unreported(String note, String... names) {
            return put(new Support(Status.NOT_SUPPORTED, new Trigger.Never(), Exposure.NONE, note), names);
        }

        private Rows put(Support support, String... names) {
            for (String n : names) {
                if (rows.put(Key.of(scope, n), support) != null) {
                    throw new IllegalStateException("two statuses for " + n);
                }
            }
            return this;
        }
    }
}
